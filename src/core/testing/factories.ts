import Papa from 'papaparse';
import type { RecordSink } from '../formats/format';
import type { TextFile } from '../load';
import type { Trial } from '../types';

/** A sink that drops every record, for tests of a parser's outcome alone. */
export const NULL_SINK: RecordSink = {
  trial: () => undefined,
  summary: () => undefined,
  failedCall: () => undefined,
  cell: () => undefined,
  aggregated: () => undefined,
};

/** A trial with sensible defaults; tests name only what they are about. */
export function makeTrial(overrides: Partial<Trial> = {}): Trial {
  return {
    lengthTokens: 1000,
    depthPercent: 50,
    score: 1,
    source: { file: 'test.json' },
    ...overrides,
  };
}

/** One gkamradt v1 per-test result file. */
export function gkamradtFile(
  fields: {
    length: number;
    depth: number;
    score: number | string;
    model?: string;
    version?: number;
  },
  path = `results/${fields.model ?? 'gpt-4'}_len_${fields.length}_depth_${Math.round(fields.depth * 100)}_results.json`,
): TextFile {
  const object = {
    model: fields.model ?? 'gpt-4',
    context_length: fields.length,
    depth_percent: fields.depth,
    version: fields.version ?? 1,
    needle: 'The best thing to do in San Francisco is eat a sandwich.',
    model_response: 'Eat a sandwich in Dolores Park.',
    score: fields.score,
  };
  return { path, text: JSON.stringify(object, null, 4) };
}

/** A CSV file from rows of values under a header, quoted as CSV requires. */
export function csvFile(path: string, header: string, rows: (string | number)[][]): TextFile {
  return { path, text: `${header}\n${Papa.unparse(rows, { newline: '\n' })}\n` };
}

/** A parser's failed outcome as it compares equal: the file, the reason and, where there is one, the line. */
export function failedOutcome(file: string, reason: string, line?: number) {
  return line === undefined ? { ok: false, file, reason } : { ok: false, file, line, reason };
}
