import { readCsv } from '../read/csv';
import type { Source } from '../source';
import { compareAnswers, TASK_LABELS } from './babilongScore';
import { baseName, folderName, type ParseOutcome, type ResultFormat } from './format';
import { RecordCheck } from './kit/fields';
import { FileReading } from './kit/reading';

/** `qa<N>_<len>_<cfg>.csv` (the answers) or `.json` (the prompt and generation settings). */
const FILE_NAME = /^(qa\d+)_(\d+(?:\.\d+)?)([kKmM])_(.+)\.(csv|json)$/;

/** The header BABILong's evaluation writes: pandas' unnamed index column, then its three. */
const HEADER = /^\uFEFF?,target,output,question\r?$/;

/** What a BABILong file's name says: task, length in tokens (`0k` = 0, `1M` = 1,000,000), prompt configuration. */
export interface BabilongName {
  task: string;
  lengthTokens: number;
  config: string;
  kind: 'csv' | 'json';
}

/** The task, length and prompt configuration of a BABILong file, or null for another name. */
export function babilongName(path: string): BabilongName | null {
  const match = FILE_NAME.exec(baseName(path));
  if (!match) return null;
  const [, task = '', amount = '', unit = '', config = '', kind] = match;
  const scale = unit.toLowerCase() === 'k' ? 1000 : 1_000_000;
  const lengthTokens = Math.round(Number(amount) * scale);
  return { task, lengthTokens, config, kind: kind === 'json' ? 'json' : 'csv' };
}

/** Whether a file's name holds its coordinates (task, length, configuration): two names, two files. */
export function coordinatesInName(path: string): boolean {
  return babilongName(path) !== null;
}

/**
 * BABILong (booydar): `babilong_evals/<org>/<model>/qa<N>_<len>_<cfg>.csv`, one row per answer
 * (`,target,output,question`), scored here by the benchmark's rule ({@link compareAnswers}).
 * Task `qa<N>`, no depth, length from the name (`0k`, no filler, is a column of its own). Each
 * prompt configuration `<cfg>` is a run of its own, named `<model> · <cfg>`. The `.json` beside
 * each CSV holds the prompt and generation settings and is passed over.
 */
export const babilong: ResultFormat = {
  id: 'babilong',
  label: 'BABILong',

  detect(path, head) {
    const name = babilongName(path);
    if (name?.kind === 'json') return head.trimStart().startsWith('{') ? 0.95 : 0;
    const firstLine = head.split('\n', 1)[0] ?? '';
    if (!HEADER.test(firstLine)) return 0;
    return name ? 0.95 : 0.8;
  },

  parse(source, sink) {
    const reading = new FileReading(source, sink);
    if (babilongName(source.path)?.kind === 'json') return Promise.resolve(reading.passOver());
    return parseAnswers(source, reading);
  },
};

async function parseAnswers(source: Source, reading: FileReading): Promise<ParseOutcome> {
  const name = babilongName(source.path);
  if (!name) {
    return reading.fail('the name is not qa<N>_<length>_<prompt configuration>.csv');
  }
  const { task, lengthTokens, config } = name;
  const labels = TASK_LABELS[task];
  if (!labels) return reading.fail(`${task} is not a BABILong task (qa1 to qa20)`);
  const folder = folderName(source.path);
  const model = folder ? `${folder} · ${config}` : config;
  const { file } = reading;
  const read = await readCsv(
    source,
    ({ fields, line }) => {
      const check = new RecordCheck(reading, { line });
      const { target, output, question } = fields;
      if (target === undefined || target === '') {
        check.skip('no-target', 'no target');
        return;
      }
      if (!check.placed(lengthTokens, null, { zeroLength: true })) return;
      reading.trial({
        lengthTokens,
        depthPercent: null,
        task,
        score: compareAnswers(target, output, question ?? '', labels),
        model,
        needle: question,
        expected: target,
        response: output,
        source: { file, line },
      });
    },
    (line, reason) => reading.skip('fields', reason, line),
  );
  if (!read.ok) return reading.fail(read.reason, read.line);
  return reading.finish('answer', 'no answers in the file');
}
