import { depthProblem, inferScale, toFiniteNumber } from '../normalize';
import { headerColumns, readCsvRows } from '../read/csv';
import type { Source } from '../source';
import { SkipLog } from '../warnings';
import { failure, type ParseOutcome, type RecordSink, type ResultFormat } from './format';

/** A header cell read as a context length: a positive whole number, else null. */
function lengthOf(cell: string): number | null {
  const length = toFiniteNumber(cell);
  return length !== null && length > 0 && Number.isInteger(length) ? length : null;
}

/** The lengths of a header row (all cells after the first), or null when one is not a length. */
function headerLengths(cells: readonly string[]): number[] | null {
  const lengths = cells.slice(1).map(lengthOf);
  return lengths.every((length) => length !== null) ? lengths : null;
}

/**
 * A pivoted table, as people paste from figures (A-Roucher's `gpt4.csv`): the header row holds
 * context lengths (its first cell anything), the first column depths, each cell the mean score
 * of that (length, depth): a pre-averaged cell of unknown size, counted as 1. The score scale
 * (0..1, 1..10, 0..100) is inferred from all values, so the whole table is read before any cell
 * is given. Depths are percent, except that a first column whose values all lie in 0..1 (and
 * whose name does not say percent) holds fractions, multiplied by 100.
 */
export const wideTable: ResultFormat = {
  id: 'wide-table',
  label: 'Wide table (CSV)',

  detect(path, head) {
    const lines = head
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '');
    const [first, second] = lines;
    if (first === undefined || second === undefined) return 0;
    const lengths = headerLengths(headerColumns(first));
    if (!lengths || lengths.length < 2) return 0;
    // Columns of a sweep ascend; a headerless table of numbers seldom does by chance.
    if (lengths.some((length, i) => i > 0 && length <= (lengths[i - 1] ?? 0))) return 0;
    if (toFiniteNumber(headerColumns(second)[0]) === null) return 0;
    return /\.(csv|tsv|txt)$/i.test(path) ? 0.8 : 0.7;
  },

  parse(source, sink) {
    return parseWideTable(source, sink);
  },
};

interface WideRow {
  depth: number;
  line: number;
  cells: { lengthTokens: number; value: number }[];
}

async function parseWideTable(source: Source, sink: RecordSink): Promise<ParseOutcome> {
  const file = source.path;
  const skips = new SkipLog(file);
  // Held in an object: the row callback sets it, which control-flow narrowing cannot see.
  const header: { lengths: number[] | null; depthName: string; problem: string | null } = {
    lengths: null,
    depthName: '',
    problem: null,
  };
  const rows: WideRow[] = [];

  const read = await readCsvRows(source, (cells, line) => {
    if (header.problem) return false;
    if (!header.lengths) {
      header.lengths = headerLengths(cells);
      header.depthName = cells[0] ?? '';
      if (!header.lengths || header.lengths.length === 0) {
        const bad = cells.slice(1).find((cell) => lengthOf(cell) === null);
        header.problem =
          bad === undefined
            ? 'the header has no context lengths after its first cell'
            : `header cell ${JSON.stringify(bad)} is not a context length (a whole number of tokens)`;
        return false;
      }
      return;
    }
    const { lengths } = header;
    if (cells.length !== lengths.length + 1) {
      skips.skip(
        'fields',
        `${cells.length} fields where the header has ${lengths.length + 1}`,
        line,
      );
      return;
    }
    const depth = toFiniteNumber(cells[0]);
    if (depth === null) {
      skips.skip('depth', `depth ${JSON.stringify(cells[0] ?? '')} is not a number`, line);
      return;
    }
    const row: WideRow = { depth, line, cells: [] };
    lengths.forEach((lengthTokens, i) => {
      const raw = (cells[i + 1] ?? '').trim();
      const value = toFiniteNumber(raw);
      if (raw === '') skips.skip('empty', `no score at length ${lengthTokens}`, line);
      else if (value === null) {
        skips.skip('score', `score ${JSON.stringify(raw)} is not a number`, line);
      } else row.cells.push({ lengthTokens, value });
    });
    rows.push(row);
  });

  if (!read.ok) return failure(file, read.reason, read.line);
  if (header.problem) return failure(file, header.problem, 1);
  if (!header.lengths) return failure(file, 'the file is empty');

  // Fractions of the document (0..1) or percent: the column's name, else its values, decide.
  const percentNamed = /%|percent|pct/i.test(header.depthName);
  const fractions =
    !percentNamed &&
    rows.length > 0 &&
    rows.every((row) => row.depth >= 0 && row.depth <= 1) &&
    rows.some((row) => row.depth > 0);
  const cells: { lengthTokens: number; depthPercent: number; value: number; line: number }[] = [];
  for (const row of rows) {
    const depthPercent = fractions ? row.depth * 100 : row.depth;
    const problem = depthProblem(depthPercent);
    if (problem) {
      skips.skip('depth-range', problem, row.line);
      continue;
    }
    for (const cell of row.cells) cells.push({ ...cell, depthPercent, line: row.line });
  }
  if (cells.length === 0) {
    return skips.nothingUsable('score', 'no rows under the header');
  }

  let minScore = Infinity;
  let maxScore = -Infinity;
  for (const { value } of cells) {
    minScore = Math.min(minScore, value);
    maxScore = Math.max(maxScore, value);
  }
  const scale = inferScale(minScore, maxScore);
  if (!scale) {
    return failure(
      file,
      `scores range from ${minScore} to ${maxScore}: not on a 0..1, 1..10 or 0..100 scale`,
    );
  }
  for (const { lengthTokens, depthPercent, value, line } of cells) {
    sink.summary({
      lengthTokens,
      depthPercent,
      n: 1,
      meanScore: value / scale.top,
      source: { file, line },
    });
  }

  const warnings = skips.messages();
  if (fractions) {
    warnings.push(
      `${file}: depths all lie in 0..1: read as fractions of the document and multiplied by 100`,
    );
  }
  if (scale.top !== 1) {
    warnings.push(
      `${file}: scores read on the ${scale.label} scale (highest ${maxScore}) and divided by ${scale.top}`,
    );
  }
  return { ok: true, records: cells.length, warnings };
}
