import { lengthProblem, optionalText, toFiniteNumber } from '../normalize';
import { isJsonObject } from '../read/json';
import { baseName, type ParseOutcome, type ResultFormat } from './format';
import { given } from './kit/fields';
import { readJsonRoot, type JsonRoot } from './kit/jsonObjects';
import { FileReading } from './kit/reading';
import { babilongLengths, isAccTask } from './lmEvalLongTasks';
import { NOT_RUN } from './lmEvalSamples';
import { jsonDetect } from './kit/jsonHead';

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
  opens: 'json',

  detect: jsonDetect('{', (json, path) => {
    if (!/"results"\s*:\s*\{/.test(json.text)) return 0;
    const tasksOfLength = /"\d+,[^"]*"\s*:/.test(json.text);
    if (!tasksOfLength && !/"(babilong|longbench2)_[^"]*"\s*:/.test(json.text)) return 0;
    return /^results.*\.json$/i.test(baseName(path)) ? 0.95 : 0.9;
  }),

  parse(source, sink) {
    return readJsonRoot(source, sink, RESULTS_FILE, parseResults);
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

/** What a file must hold to be read as an lm-evaluation-harness results file. */
const RESULTS_FILE = {
  shape: { results: 'object' },
  what: 'an lm-evaluation-harness results file',
} as const;

function parseResults(
  root: JsonRoot<typeof RESULTS_FILE.shape>,
  reading: FileReading,
): ParseOutcome {
  const { file, skips } = reading;
  const named = modelOf(root);
  const model = named ? `${named} (results)` : 'lm-eval results';
  const groups = groupsOf(root);

  // babilong and longbench2 samples carry the trials; this file gives a babilong run its length.
  const lengths = babilongLengths(file, root);
  let accTasks = 0;
  for (const [task, metrics] of Object.entries(root.results)) {
    if (isAccTask(task) || task === 'babilong' || task === 'longbench2') {
      accTasks += 1;
      continue;
    }
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
      else if (score === null) skips.skip('score', `${where}: ${given(value)} is not a number`);
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
      reading.note(
        `${task}: ${total} samples do not split evenly over ${ran.length} lengths: each length counted as 1 sample`,
      );
    }
    for (const { lengthTokens, score } of ran) {
      reading.summary({
        lengthTokens,
        depthPercent: null,
        task,
        model,
        n,
        meanScore: score,
        source: { file },
      });
    }
  }
  if (reading.recordCount === 0 && (accTasks > 0 || lengths.length > 0)) {
    return { ok: true, records: 0, warnings: [], lengths };
  }
  const outcome = reading.finish('result', 'no tasks in "results"');
  return outcome.ok && lengths.length > 0 ? { ...outcome, lengths } : outcome;
}
