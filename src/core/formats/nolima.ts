import { optionalText } from '../normalize';
import { isJsonObject } from '../read/json';
import type { ParseOutcome, ResultFormat } from './format';
import { given, RecordCheck } from './kit/fields';
import { readJsonRoot, type JsonRoot } from './kit/jsonObjects';
import { FileReading } from './kit/reading';
import { jsonDetect } from './kit/jsonHead';

/** NoLiMa's layout: `<results>/CL<n>K/<test_name>/<model>_book_<test_name>_<unix time>.json`. */
const LAYOUT = /(^|\/)CL\d+K\/[^/]+\/[^/]+_\d+\.json$/;

/**
 * NoLiMa (adobe-research): one JSON object per (test, haystack, length), `{eval_name, test_name,
 * model_name, context_length, ..., results [..]}`. Each `results` item is a trial: `metric` 0/1,
 * depth `placement_metadata.depth` (a fraction) × 100, at the file's `context_length`. The test
 * is a facet (`test`), so one run per model holds every test and can be split by it.
 */
export const nolima: ResultFormat = {
  id: 'nolima',
  label: 'NoLiMa (JSON)',
  opens: 'json',

  detect: jsonDetect('{', (json, path) => {
    if (!/^\{\s*"eval_name"\s*:/.test(json.text)) return 0;
    if (!json.names('test_name', 'context_length')) return 0;
    return LAYOUT.test(path) ? 0.97 : 0.9;
  }),

  parse(source, sink) {
    return readJsonRoot(source, sink, EVALUATION, parseEval);
  },
};

/** What a file must hold to be read as a NoLiMa evaluation. */
const EVALUATION = { shape: { results: 'array' }, what: 'a NoLiMa evaluation' } as const;

function parseEval(root: JsonRoot<typeof EVALUATION.shape>, reading: FileReading): ParseOutcome {
  const lengthCheck = new RecordCheck(reading);
  const lengthTokens = lengthCheck.number('context_length', root.context_length);
  if (lengthTokens === null) return reading.finish('result', 'no results');
  const test = optionalText(root.test_name);
  const model = optionalText(root.model_name);
  const needle = optionalText(root.needle);
  const gold = Array.isArray(root.gold_answers)
    ? root.gold_answers.map(optionalText).filter((answer) => answer !== undefined)
    : [];

  root.results.forEach((item: unknown, index) => {
    const check = new RecordCheck(reading, { index });
    if (!isJsonObject(item)) return check.skip('not-object', 'not a JSON object');
    const placement = isJsonObject(item.placement_metadata) ? item.placement_metadata : {};
    const depth = check.number(
      'depth',
      placement.depth,
      `placement_metadata.depth ${given(placement.depth)} is not a number`,
    );
    if (depth === null) return;
    const score = check.number('metric', item.metric);
    if (score === null || !check.inRange('metric', score, 1)) return;
    const depthPercent = depth * 100;
    if (!check.placed(lengthTokens, depthPercent)) return;
    const character = optionalText(item.selected_character);
    reading.trial({
      lengthTokens,
      depthPercent,
      score,
      model,
      ...(test ? { facets: { test } } : {}),
      needle: character && needle ? needle.replaceAll('{CHAR}', character) : needle,
      expected: character ?? (gold.length > 0 ? gold.join(' | ') : undefined),
      response: optionalText(item.response),
      source: { file: reading.file },
    });
  });
  return reading.finish('result', 'no results in "results"');
}
