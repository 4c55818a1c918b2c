import { coordinateProblem, lengthProblem, SCALE_HUNDRED, toFiniteNumber } from '../normalize';
import { headerColumns, readCsvRows } from '../read/csv';
import { trimmedHead } from '../read/json';
import type { Source } from '../source';
import type { CellSummary } from '../types';
import type { ParseOutcome, ResultFormat } from './format';
import { given } from './kit/fields';
import { FileReading } from './kit/reading';

/** Columns of an OpenCompass summary that describe the dataset, not a model's scores. */
const META_COLUMNS = new Set(['dataset', 'version', 'metric', 'mode']);

/** Where a NeedleBench dataset name puts its cell. */
export interface NeedleBenchCell {
  lengthTokens: number;
  /** Null for rows without a depth (`Length<L>_parallel_en_*`, several needles at once). */
  depthPercent: number | null;
  task: string;
}

/**
 * Reads `Length32000Depth50_origin_en_32k` as length 32000, depth 50, task `origin_en` (the
 * trailing `_32k` names the length suite again), and `Length4000_parallel_en_4k` as length
 * 4000, no depth, task `parallel_en`. Null for any other name (averages, headings).
 */
export function needleBenchCell(dataset: string): NeedleBenchCell | null {
  const match = /^Length(\d+)(?:Depth(\d+(?:\.\d+)?))?_(.+)$/.exec(dataset.trim());
  if (!match?.[1] || !match[3]) return null;
  const task = match[3].replace(/_\d+k$/i, '');
  if (task === '') return null;
  return {
    lengthTokens: Number(match[1]),
    depthPercent: match[2] === undefined ? null : Number(match[2]),
    task,
  };
}

/**
 * OpenCompass NeedleBench `summary/summary_<timestamp>.csv`: a `dataset` column (then perhaps
 * `version, metric, mode`) and one column per model, so one file holds several runs. Each value
 * is the mean of a cell's repeats on 0..100 (a pre-averaged cell); `-` marks a cell not run.
 * Rows whose name is not a NeedleBench cell (overall averages, headings) are skipped, counted.
 */
export const openCompassNeedleBench: ResultFormat = {
  id: 'opencompass-needlebench',
  label: 'OpenCompass NeedleBench (CSV)',
  opens: 'text',

  detect(_path, head) {
    const columns = headerColumns(head);
    if (columns[0] !== 'dataset') return 0;
    if (/^"?Length\d+(?:Depth[\d.]+)?_/m.test(trimmedHead(head))) return 0.95;
    // An OpenCompass summary whose first rows are headings: claimed, and failed clearly when
    // it holds no NeedleBench rows.
    return columns.some((column) => column !== 'dataset' && META_COLUMNS.has(column)) ? 0.4 : 0;
  },

  parse(source, sink) {
    return parseSummary(source, new FileReading(source, sink));
  },
};

/** Why a NeedleBench cell cannot be placed, or null. */
function placeProblem(cell: NeedleBenchCell): string | null {
  if (cell.depthPercent === null) return lengthProblem(cell.lengthTokens);
  return coordinateProblem(cell.lengthTokens, cell.depthPercent)?.detail ?? null;
}

async function parseSummary(source: Source, reading: FileReading): Promise<ParseOutcome> {
  const { file, skips } = reading;
  const models: { column: number; name: string }[] = [];
  const seen = new Set<string>();
  // Held in an object: the row callback sets it, which control-flow narrowing cannot see.
  const state: { header: string[] | null; badHeader: boolean } = { header: null, badHeader: false };

  const read = await readCsvRows(source, (cells, line) => {
    if (state.badHeader) return false;
    if (!state.header) {
      const header = cells.map((cell) => cell.trim());
      state.header = header;
      if ((header[0] ?? '').toLowerCase() !== 'dataset') {
        state.badHeader = true;
        return false;
      }
      header.forEach((name, column) => {
        if (META_COLUMNS.has(name.toLowerCase())) return;
        if (name === '') skips.skip('unnamed', `column ${column + 1} has no model name`, line);
        else models.push({ column, name });
      });
      return;
    }
    const dataset = (cells[0] ?? '').trim();
    const cell = needleBenchCell(dataset);
    if (!cell) {
      skips.skip(
        'not-cell',
        `"${dataset}" is not a Length<L>Depth<D>_<task> dataset (an average or a heading)`,
        line,
      );
      return;
    }
    const problem = placeProblem(cell);
    if (problem) {
      skips.skip('range', problem, line);
      return;
    }
    for (const { column, name } of models) {
      const raw = (cells[column] ?? '').trim();
      if (raw === '' || raw === '-') {
        skips.skip('not-run', `${name}: ${dataset} was not run ("${raw}")`, line);
        continue;
      }
      const score = toFiniteNumber(raw);
      if (score === null) {
        skips.skip('score', `${name}: score ${given(raw)} is not a number`, line);
        continue;
      }
      if (score < 0 || score > SCALE_HUNDRED.top) {
        skips.skip('score-range', `${name}: score ${score} is outside 0..100`, line);
        continue;
      }
      const key = `${column}\u0000${dataset}`;
      if (seen.has(key)) {
        skips.skip('repeated', `${name}: a second row for ${dataset}`, line);
        continue;
      }
      seen.add(key);
      const summary: CellSummary = {
        ...cell,
        model: name,
        n: 1,
        meanScore: score / SCALE_HUNDRED.top,
        source: { file, line },
      };
      reading.summary(summary);
    }
  });

  if (!read.ok) return reading.fail(read.reason, read.line);
  if (!state.header) return reading.fail('the file is empty');
  if (state.badHeader) return reading.fail('the first column is not "dataset"', 1);
  if (models.length === 0) {
    return reading.fail('no model columns after dataset, version, metric and mode', 1);
  }
  if (reading.recordCount === 0) {
    const first = skips.first();
    return reading.fail(
      first ? `no NeedleBench score: ${first.firstDetail}` : 'no rows under the header',
      first?.firstLine,
    );
  }
  return reading.finish('NeedleBench score', 'no rows under the header');
}
