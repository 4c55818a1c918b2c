import { lengthProblem, optionalText, toFiniteNumber } from '../normalize';
import { isJsonObject, readJson, trimmedHead } from '../read/json';
import { forEachJsonLine } from '../read/jsonLines';
import type { Source } from '../source';
import { SkipLog } from '../warnings';
import { baseName, failure, type ParseOutcome, type RecordSink, type ResultFormat } from './format';

/** The task of `samples_<task>_<timestamp>.jsonl`, lm-eval's name for a task's samples. */
export function samplesTask(path: string): string {
  const name = baseName(path);
  const stamped = /^samples_(.+?)_\d{4}-\d{2}-\d{2}T[\d.:-]+\.jsonl$/i.exec(name);
  if (stamped?.[1]) return stamped[1];
  return name.replace(/^samples_/i, '').replace(/\.jsonl$/i, '');
}

/** The folder a file sits in, or undefined at the top. */
function parentFolder(path: string): string | undefined {
  const parts = path.split('/');
  return parts.length > 1 ? parts[parts.length - 2] : undefined;
}

/** A score of -1: lm-eval's mark for a length that was not run. */
const NOT_RUN = -1;

/**
 * lm-evaluation-harness samples of its ruler/niah tasks: `samples_<task>_<timestamp>.jsonl`,
 * one row per sample `{doc_id, doc {input, outputs, max_length ...}, resps, filtered_resps,
 * "<length>": score 0..1}`, where every other listed length holds -1 (not run). No depth: a
 * length-by-task matrix. lm-eval writes samples in a folder named after the model
 * (`meta-llama__Llama-3.1-8B`), so that folder names the run.
 */
export const lmEvalSamples: ResultFormat = {
  id: 'lm-eval-samples',
  label: 'lm-eval-harness samples (JSONL)',

  detect(path, head) {
    const start = trimmedHead(head);
    if (!start.startsWith('{') || !/"doc_id"\s*:/.test(start) || !/"doc"\s*:/.test(start)) {
      return 0;
    }
    return /^samples_.+\.jsonl$/i.test(baseName(path)) ? 0.95 : 0.75;
  },

  parse(source, sink) {
    return parseSamples(source, sink);
  },
};

/** The first text of a response list, however deeply lm-eval nested it. */
function firstText(value: unknown): string | undefined {
  if (Array.isArray(value)) return firstText(value[0]);
  return typeof value === 'string' ? value : undefined;
}

/** A list of answers as one text. */
function answersText(value: unknown): string | undefined {
  if (!Array.isArray(value)) return optionalText(value);
  const texts = value.flatMap((item: unknown) => optionalText(item) ?? []);
  return texts.length > 0 ? texts.join(' | ') : undefined;
}

async function parseSamples(source: Source, sink: RecordSink): Promise<ParseOutcome> {
  const file = source.path;
  const skips = new SkipLog(file);
  const task = samplesTask(file);
  const model = parentFolder(file);
  let records = 0;

  const read = await forEachJsonLine(source, skips, (row, line) => {
    const doc = isJsonObject(row.doc) ? row.doc : {};
    // The row's metrics are its length keys; all but the length the sample was built for are -1.
    const scored: { lengthTokens: number; score: number | null; raw: unknown }[] = [];
    let lengthKeys = 0;
    for (const [key, value] of Object.entries(row)) {
      if (!/^\d+$/.test(key)) continue;
      lengthKeys += 1;
      const score = toFiniteNumber(value);
      if (score !== NOT_RUN) scored.push({ lengthTokens: Number(key), score, raw: value });
    }
    const maxLength = toFiniteNumber(doc.max_length);
    const pick =
      scored.find((s) => s.lengthTokens === maxLength) ??
      (scored.length === 1 ? scored[0] : undefined);
    if (!pick) {
      if (lengthKeys === 0) skips.skip('no-score', 'no "<length>": score field', line);
      else if (scored.length === 0) skips.skip('not-run', 'every length scores -1 (not run)', line);
      else skips.skip('ambiguous', 'several lengths scored and no doc.max_length', line);
      return;
    }
    const { lengthTokens, score, raw } = pick;
    if (score === null) {
      skips.skip('score', `score ${JSON.stringify(raw) ?? 'missing'} is not a number`, line);
      return;
    }
    const problem =
      lengthProblem(lengthTokens) ??
      (score < 0 || score > 1 ? `score ${score} is outside 0..1` : null);
    if (problem) {
      skips.skip('range', problem, line);
      return;
    }
    sink.trial({
      lengthTokens,
      depthPercent: null,
      task,
      score,
      model,
      expected: answersText(doc.outputs),
      response: firstText(row.filtered_resps) ?? firstText(row.resps),
      source: { file, line },
    });
    records += 1;
  });

  if (records === 0) {
    return skips.nothingUsable('sample', read.lines === 0 ? 'the file is empty' : 'no samples');
  }
  return { ok: true, records, warnings: skips.messages() };
}

/**
 * lm-evaluation-harness results JSON: `results.<task>["<length>,none"]` is the mean score of
 * a task at a length, 0..1, or -1 where that length was not run (dropped, with a warning). Each
 * is a pre-averaged cell of `n-samples` / lengths run samples. The model comes from
 * `model_name` or the `pretrained=` of `config.model_args`; the cells form the run
 * `<model> (results)`, apart from the same model's samples so no sample counts twice.
 */
export const lmEvalResults: ResultFormat = {
  id: 'lm-eval-results',
  label: 'lm-eval-harness results (JSON)',

  detect(path, head) {
    const start = trimmedHead(head);
    if (!start.startsWith('{') || !/"results"\s*:\s*\{/.test(start)) return 0;
    if (!/"\d+,[^"]*"\s*:/.test(start)) return 0;
    return /^results.*\.json$/i.test(baseName(path)) ? 0.95 : 0.9;
  },

  parse(source, sink) {
    return parseResults(source, sink);
  },
};

/** The model a results file names: `model_name`, else `pretrained=` in `config.model_args`. */
function modelOf(root: Record<string, unknown>): string | undefined {
  const name = optionalText(root.model_name)?.trim();
  if (name) return name;
  const config = isJsonObject(root.config) ? root.config : {};
  const args = config.model_args;
  if (isJsonObject(args)) return optionalText(args.pretrained)?.trim() || undefined;
  const pretrained = /(?:^|,)\s*pretrained=([^,]+)/.exec(optionalText(args) ?? '');
  return pretrained?.[1]?.trim() || undefined;
}

/** Names of groups (averages of other tasks), which `results` lists beside the tasks. */
function groupsOf(root: Record<string, unknown>): Set<string> {
  const groups = new Set(isJsonObject(root.groups) ? Object.keys(root.groups) : []);
  if (isJsonObject(root.group_subtasks)) {
    for (const [name, subtasks] of Object.entries(root.group_subtasks)) {
      if (Array.isArray(subtasks) && subtasks.length > 0) groups.add(name);
    }
  }
  return groups;
}

/** Samples behind a task's results, all lengths together: `n-samples.<task>.effective`. */
function samplesOfTask(root: Record<string, unknown>, task: string): number | null {
  const all = root['n-samples'];
  const counts = isJsonObject(all) ? all[task] : undefined;
  if (!isJsonObject(counts)) return null;
  return toFiniteNumber(counts.effective) ?? toFiniteNumber(counts.original);
}

async function parseResults(source: Source, sink: RecordSink): Promise<ParseOutcome> {
  const file = source.path;
  const parsed = await readJson(source);
  if (!parsed.ok) return failure(file, parsed.reason, parsed.line);
  const root = parsed.value;
  if (!isJsonObject(root) || !isJsonObject(root.results)) {
    return failure(file, 'no "results" object: not an lm-evaluation-harness results file');
  }
  const skips = new SkipLog(file);
  const named = modelOf(root);
  const model = named ? `${named} (results)` : 'lm-eval results';
  const groups = groupsOf(root);
  const warnings: string[] = [];
  let records = 0;

  for (const [task, metrics] of Object.entries(root.results)) {
    if (groups.has(task)) {
      skips.skip('group', `"${task}" is a group, the average of its tasks`);
      continue;
    }
    if (!isJsonObject(metrics)) {
      skips.skip('not-object', `"${task}" is not an object of metrics`);
      continue;
    }
    const ran: { lengthTokens: number; score: number }[] = [];
    let lengthKeys = 0;
    for (const [key, value] of Object.entries(metrics)) {
      const length = /^(\d+),/.exec(key)?.[1];
      if (length === undefined) continue;
      lengthKeys += 1;
      const lengthTokens = Number(length);
      const score = toFiniteNumber(value);
      const where = `${task} at ${lengthTokens} tokens`;
      if (score === NOT_RUN) skips.skip('not-run', `${where}: -1, the length was not run`);
      else if (score === null)
        skips.skip('score', `${where}: ${JSON.stringify(value)} is not a number`);
      else if (score < 0 || score > 1)
        skips.skip('score-range', `${where}: ${score} is outside 0..1`);
      else if (lengthProblem(lengthTokens)) skips.skip('length', `${where}: not a context length`);
      else ran.push({ lengthTokens, score });
    }
    if (lengthKeys === 0) {
      skips.skip('no-lengths', `"${task}" has no "<length>,none" scores`);
      continue;
    }
    // lm-eval counts a task's samples over all its lengths; RULER builds as many per length.
    const total = samplesOfTask(root, task);
    const perLength = total !== null && total > 0 && ran.length > 0 ? total / ran.length : null;
    // A count too large to add exactly (1e308) would sum to Infinity with another file's.
    const n = perLength !== null && Number.isSafeInteger(perLength) ? perLength : 1;
    if (perLength !== null && n !== perLength) {
      warnings.push(
        `${file}: ${task}: ${total} samples do not split evenly over ${ran.length} lengths: each length counted as 1 sample`,
      );
    }
    for (const { lengthTokens, score } of ran) {
      sink.summary({
        lengthTokens,
        depthPercent: null,
        task,
        model,
        n,
        meanScore: score,
        source: { file },
      });
      records += 1;
    }
  }

  if (records === 0) {
    return skips.nothingUsable('result', 'no tasks in "results"');
  }
  return { ok: true, records, warnings: [...skips.messages(), ...warnings] };
}
