import { toFiniteNumber } from '../normalize';
import { headerColumns, readCsv, type CsvRow } from '../read/csv';
import type { Source } from '../source';
import type { ParseOutcome, ResultFormat } from './format';
import { given, RecordCheck } from './kit/fields';
import { FileReading } from './kit/reading';

/** One row per LangSmith run: `retrieved needles` of `total needles` at `depth %`. */
const PER_RUN = ['depth %', 'context length', 'retrieved needles', 'total needles'];
/** One row per needle: `retrieved_needles_check` 0/1, the run's coordinates in `run name`. */
const PER_NEEDLE = ['run name', 'retrieved_needles_check'];

type Shape = 'per-run' | 'per-needle';

function shapeOf(columns: readonly string[]): Shape | null {
  if (PER_RUN.every((name) => columns.includes(name))) return 'per-run';
  if (PER_NEEDLE.every((name) => columns.includes(name))) return 'per-needle';
  return null;
}

/**
 * The LangChain multi-needle study's LangSmith exports (gkamradt `viz/multi-needle-datasets`):
 * pandas CSVs with unnamed index columns, either one row per run (score = retrieved needles /
 * total needles; `mode` names the task) or one row per needle (score = the 0/1 check).
 */
export const langchainMultiNeedle: ResultFormat = {
  id: 'langchain-multi-needle',
  label: 'LangChain multi-needle (CSV)',
  opens: 'text',

  detect(path, head) {
    if (!shapeOf(headerColumns(head))) return 0;
    return /\.(csv|txt)$/i.test(path) ? 0.95 : 0.85;
  },

  parse(source, sink) {
    return parseMultiNeedle(source, new FileReading(source, sink));
  },
};

/**
 * What a LangSmith project name says: `<length>-<depth>--<model>--<eval set>--<id>`, as the
 * study's runner names them. The task is `reasoning` for the reasoning eval sets, else the
 * study's default, `retrieval`.
 */
export function runNameParts(
  runName: string,
): { lengthTokens: number; depthPercent: number; model: string; task: string } | null {
  const match = /^(\d+)-(\d+(?:\.\d+)?)--(.+?)--(.*)$/.exec(runName.trim());
  if (!match) return null;
  const [, length = '', depth = '', model = '', rest = ''] = match;
  return {
    lengthTokens: Number(length),
    depthPercent: Number(depth),
    model,
    task: /reasoning/i.test(rest) ? 'reasoning' : 'retrieval',
  };
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

/** The strings of a Python list repr (`[' a ', "b's"]`), or null when it is not one. */
export function pythonStrings(repr: string): string[] | null {
  const text = repr.trim();
  if (!text.startsWith('[') || !text.endsWith(']')) return null;
  const items: string[] = [];
  const item = /\s*(['"])((?:\\.|(?!\1)[^\\])*)\1\s*(,|$)/y;
  const body = text.slice(1, -1);
  item.lastIndex = 0;
  while (item.lastIndex < body.length) {
    const match = item.exec(body);
    if (!match) return body.trim() === '' ? [] : null;
    items.push((match[2] ?? '').replace(/\\(.)/g, (_all, c: string) => ESCAPES[c] ?? c));
  }
  return items;
}

/** Needle texts, one per line, from the `needles` list repr (the raw text if it is not one). */
function needlesText(repr: string | undefined): string | undefined {
  if (repr === undefined || repr.trim() === '') return undefined;
  return (
    pythonStrings(repr)
      ?.map((needle) => needle.trim())
      .join('\n') ?? repr
  );
}

async function parseMultiNeedle(source: Source, reading: FileReading): Promise<ParseOutcome> {
  const { file } = reading;
  const columns = headerColumns(source.head);
  const shape = shapeOf(columns);
  if (!shape) {
    if (source.head.trim() === '') return reading.fail('the file is empty');
    return reading.fail(
      `not a multi-needle export: it needs the columns ${PER_RUN.join(', ')} (or ${PER_NEEDLE.join(', ')}); this one has ${columns.join(', ')}`,
      1,
    );
  }
  /** Needle counts per cell, to say when a cell mixes runs of different counts. */
  const needleCounts = new Map<string, number>();
  const mixedCounts = new Set<number>();

  const perRun = ({ fields, line }: CsvRow): void => {
    const check = new RecordCheck(reading, { line });
    const runName = fields.run_name ?? '';
    const parts = runNameParts(runName);
    const lengthTokens = toFiniteNumber(fields['context length']) ?? parts?.lengthTokens;
    const depthPercent = toFiniteNumber(fields['depth %']) ?? parts?.depthPercent;
    const retrieved = toFiniteNumber(fields['retrieved needles']);
    const total = toFiniteNumber(fields['total needles']);
    if (lengthTokens === undefined || depthPercent === undefined) {
      check.skip('coordinates', 'no numeric context length and depth %');
      return;
    }
    if (retrieved === null || total === null || total <= 0) {
      const counts = `${given(fields['retrieved needles'] ?? '')} of ${given(fields['total needles'] ?? '')}`;
      check.skip('score', `retrieved needles ${counts} is not a count of needles`);
      return;
    }
    if (retrieved < 0 || retrieved > total) {
      check.skip('score-range', `${retrieved} needles retrieved of ${total}`);
      return;
    }
    if (!check.placed(lengthTokens, depthPercent)) return;
    const cell = `${lengthTokens}|${depthPercent}`;
    const seen = needleCounts.get(cell);
    if (seen === undefined) needleCounts.set(cell, total);
    else if (seen !== total) mixedCounts.add(seen).add(total);
    const mode = fields.mode?.trim();
    reading.trial({
      lengthTokens,
      depthPercent,
      // Runs of 1, 3 and 10 needles are small multiples of their own, never pooled in a cell.
      facets: { needles: String(total), ...(mode ? { mode } : {}) },
      task: mode || parts?.task || 'retrieval',
      score: retrieved / total,
      model: fields['model name']?.trim() || parts?.model || undefined,
      needle: needlesText(fields.needles),
      response: fields.answer,
      source: { file, line },
    });
  };

  const perNeedle = ({ fields, line }: CsvRow): void => {
    const check = new RecordCheck(reading, { line });
    const runName = fields['run name'] ?? '';
    const parts = runNameParts(runName);
    if (!parts) {
      const detail = `run name ${given(runName)} does not start with <length>-<depth>--<model>--`;
      check.skip('run-name', detail);
      return;
    }
    const score = toFiniteNumber(fields.retrieved_needles_check);
    if (score !== 0 && score !== 1) {
      const value = given(fields.retrieved_needles_check ?? '');
      check.skip('score', `retrieved_needles_check ${value} is not 0 or 1`);
      return;
    }
    if (!check.placed(parts.lengthTokens, parts.depthPercent)) return;
    reading.trial({
      lengthTokens: parts.lengthTokens,
      depthPercent: parts.depthPercent,
      task: parts.task,
      score,
      // A run of its own: merged with the per-run scores of the same runs, it would count twice.
      model: `${parts.model} (per needle)`,
      needle: fields.needle?.trim() || undefined,
      expected: fields['needle point']?.trim() || undefined,
      source: { file, line },
    });
  };

  const read = await readCsv(source, shape === 'per-run' ? perRun : perNeedle, (line, reason) =>
    reading.skip(`csv-${reason}`, reason, line),
  );
  if (!read.ok) return reading.fail(read.reason, read.line);
  if (shape === 'per-needle') {
    reading.note(
      `one trial per needle (retrieved or not), placed at its run's length and depth, shown as a run of its own ("<model> (per needle)")`,
    );
  }
  if (mixedCounts.size > 0) {
    const sorted = [...mixedCounts].sort((a, b) => a - b);
    const counts = `${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
    reading.note(
      `some cells mix runs of ${counts} needles; each run scores the share of its needles retrieved`,
    );
  }
  return reading.finish('row', 'no rows under the header');
}
