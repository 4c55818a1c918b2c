import { lengthProblem, SCALE_HUNDRED } from '../normalize';
import { readCsvRows } from '../read/csv';
import { trimmedHead } from '../read/json';
import type { Source } from '../source';
import { baseName, type ParseOutcome, type ResultFormat } from './format';
import { given, RecordCheck } from './kit/fields';
import { FileReading } from './kit/reading';
import { rulerPlace } from './rulerPredictions';

const SUMMARY_LAYOUT = '<model>/synthetic/<length>/pred/summary.csv';

/**
 * NVIDIA RULER's `summary.csv`, transposed: rows `Tasks,<task>...`, `Score,<0..100>...` and
 * `Nulls,<empty>/<total>...` (under pandas' `0,1,2...` header). Each score is a pre-averaged
 * cell of `total` samples; length and model come from the path. The cells form their own run,
 * `<model> (summary)`, so that dropping a whole RULER folder, predictions and summary together,
 * does not count each sample twice.
 */
export const rulerSummary: ResultFormat = {
  id: 'ruler-summary',
  label: 'RULER summary (CSV)',
  opens: 'text',

  detect(path, head) {
    const start = trimmedHead(head);
    if (!/^"?Tasks"?,/im.test(start) || !/^"?Score"?,/im.test(start)) return 0;
    return /^summary(-[^/]*)?\.csv$/i.test(baseName(path)) ? 0.95 : 0.85;
  },

  parse(source, sink) {
    return parseSummary(source, new FileReading(source, sink));
  },
};

/**
 * The number of samples in a `Nulls` cell `<empty predictions>/<samples>`, or null. Digits too
 * many to count exactly (`0/999...9` reads as Infinity) are no count.
 */
function samplesOf(nulls: string | undefined): number | null {
  const match = /^\s*\d+\s*\/\s*(\d+)\s*$/.exec(nulls ?? '');
  const total = match ? Number(match[1]) : 0;
  return Number.isSafeInteger(total) && total > 0 ? total : null;
}

async function parseSummary(source: Source, reading: FileReading): Promise<ParseOutcome> {
  const file = reading.file;
  const place = rulerPlace(file);
  if (place.lengthTokens === null) {
    return reading.fail(
      `no context length: RULER writes it in the folder, ${SUMMARY_LAYOUT}, and this path has none`,
    );
  }
  const lengthTokens = place.lengthTokens;
  const badLength = lengthProblem(lengthTokens);
  if (badLength) return reading.fail(`${badLength} (from the folder, ${SUMMARY_LAYOUT})`);
  const rows = new Map<string, { cells: string[]; line: number }>();
  const read = await readCsvRows(source, (cells, line) => {
    const key = (cells[0] ?? '').trim().toLowerCase();
    if (key === 'tasks' || key === 'score' || key === 'nulls') {
      if (!rows.has(key)) rows.set(key, { cells, line });
      else reading.skip('repeated', `a second "${cells[0]}" row`, line);
    } else if (line > 1 || !cells.every((cell) => /^\s*\d+\s*$/.test(cell))) {
      // The first line may be pandas' column numbers; anything else is not RULER's.
      reading.skip('row', `"${cells[0] ?? ''}" is not a Tasks, Score or Nulls row`, line);
    }
  });
  if (!read.ok) return reading.fail(read.reason, read.line);
  if (read.rows === 0) return reading.fail('the file is empty');
  const tasks = rows.get('tasks');
  const scores = rows.get('score');
  if (!tasks || !scores) {
    return reading.fail(
      `no ${tasks ? 'Score' : 'Tasks'} row: a RULER summary has rows Tasks, Score and Nulls`,
    );
  }
  const nulls = rows.get('nulls');
  const model = place.model ? `${place.model} (summary)` : 'RULER summary';
  const check = new RecordCheck(reading, { line: scores.line });
  tasks.cells.forEach((name, i) => {
    const task = name.trim();
    if (i === 0 || task === '') return;
    const raw = scores.cells[i] ?? '';
    const score = check.number('score', raw, `score ${given(raw)} of ${task} is not a number`);
    if (score === null) return;
    if (score < 0 || score > SCALE_HUNDRED.top) {
      check.skip('score-range', `score ${score} of ${task} is outside 0..100`);
      return;
    }
    reading.summary({
      lengthTokens,
      depthPercent: null,
      task,
      model,
      n: samplesOf(nulls?.cells[i]) ?? 1,
      meanScore: score / SCALE_HUNDRED.top,
      source: { file, line: scores.line },
    });
  });
  return reading.finish('score', 'no tasks in the Tasks row');
}
