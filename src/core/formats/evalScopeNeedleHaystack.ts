import { optionalText } from '../normalize';
import { isJsonObject } from '../read/json';
import type { ParseOutcome, ResultFormat } from './format';
import { given, RecordCheck } from './kit/fields';
import { readJsonRoot, type JsonRoot } from './kit/jsonObjects';
import { FileReading } from './kit/reading';
import { jsonDetect } from './kit/jsonHead';

/** A cell's name: `Context#<L> Depth#<D>`, or `context_<L>_depth_<D>` in schema version 2. */
const CELL_NAME = /^(?:Context#(\d+) Depth#(\d+)|context_(\d+)_depth_(\d+))$/;

/** The length and depth a metric's name gives, or null for another name. */
export function evalScopeCell(name: string): { lengthTokens: number; depthPercent: number } | null {
  const match = CELL_NAME.exec(name.trim());
  const length = match?.[1] ?? match?.[3];
  const depth = match?.[2] ?? match?.[4];
  if (length === undefined || depth === undefined) return null;
  return { lengthTokens: Number(length), depthPercent: Number(depth) };
}

/**
 * EvalScope's `needle_haystack` report, `outputs/<ts>/reports/<model>/needle_haystack.json`:
 * pre-averaged, one metric per cell (`Context#<L> Depth#<D>`, or schema version 2's
 * `identity.name` `context_<L>_depth_<D>`), its `categories[].subsets[]` the mean `score` (0..1)
 * of `num` samples per language. Each subset of a cell is a cell summary, its task the language.
 * The model is the part of `name` before `@`.
 */
export const evalScopeNeedleHaystack: ResultFormat = {
  id: 'evalscope-needle-haystack',
  label: 'EvalScope needle_haystack (JSON)',
  opens: 'json',

  detect: jsonDetect('{', (json, path) => {
    if (!/^\{\s*"name"\s*:\s*"[^"]*@needle_haystack"/.test(json.text)) return 0;
    return /(^|\/)needle_haystack\.json$/.test(path) ? 0.97 : 0.9;
  }),

  parse(source, sink) {
    return readJsonRoot(source, sink, REPORT, parseReport);
  },
};

/** What a file must hold to be read as an EvalScope report. */
const REPORT = { shape: { metrics: 'array' }, what: 'an EvalScope report' } as const;

function parseReport(root: JsonRoot<typeof REPORT.shape>, reading: FileReading): ParseOutcome {
  const name = optionalText(root.name) ?? '';
  const model = name.includes('@') ? name.slice(0, name.lastIndexOf('@')) : undefined;

  root.metrics.forEach((metric: unknown, index) => {
    const check = new RecordCheck(reading, { index });
    if (!isJsonObject(metric)) return check.skip('not-object', 'not a JSON object');
    const identity = isJsonObject(metric.identity) ? metric.identity : {};
    const metricName = metric.name ?? identity.name;
    const cell = evalScopeCell(optionalText(metricName) ?? '');
    if (!cell) {
      return check.skip('metric-name', `metric ${given(metricName)} names no context and depth`);
    }
    if (!check.placed(cell.lengthTokens, cell.depthPercent)) return;
    const subsets = listOf(metric.categories).flatMap((category) =>
      isJsonObject(category) ? listOf(category.subsets) : [],
    );
    if (subsets.length === 0) return check.skip('no-subsets', 'no categories[].subsets[]');
    for (const subset of subsets) {
      if (!isJsonObject(subset)) {
        check.skip('not-object', 'a subset is not a JSON object');
        continue;
      }
      const task = optionalText(subset.name);
      const meanScore = check.number('score', subset.score);
      if (meanScore === null || !check.inRange('score', meanScore, 1)) continue;
      const n = check.count(
        'num',
        subset.num,
        `num ${given(subset.num)} is not a count of samples`,
      );
      if (n === null) continue;
      reading.summary({ ...cell, task, model, n, meanScore, source: { file: reading.file } });
    }
  });
  reading.note(
    'the report holds pre-averaged cells (a mean per language), so it has no pass rate, only means',
  );
  return reading.finish('metric', 'no metrics in the report');
}

/** A JSON array's items, or none for anything else. */
function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
