import { isJsonObject, readJson } from '../../read/json';
import { forEachJsonItem } from '../../read/jsonArray';
import type { Source } from '../../source';
import type { Trial } from '../../types';
import type { ParseOutcome, RecordSink } from '../format';
import { RecordCheck } from './fields';
import { FileReading } from './reading';

/**
 * Reads a file that is one JSON object or an array of them, handing each object to `onObject`
 * with the checks of its record (messages start `item N: `); anything else in the array is
 * skipped. Ends the file: its outcome, `no usable <noun>` when no record could be used.
 */
export async function readJsonObjects(
  source: Source,
  reading: FileReading,
  onObject: (item: Record<string, unknown>, check: RecordCheck) => void,
  noun: string,
  whenEmpty: string,
): Promise<ParseOutcome> {
  const read = await forEachJsonItem(source, (item, index) => {
    const check = new RecordCheck(reading, { index });
    if (isJsonObject(item)) onObject(item, check);
    else check.skip('not-object', 'not a JSON object');
  });
  return read.ok ? reading.finish(noun, whenEmpty) : reading.fail(read.reason, read.line);
}

/**
 * Reads a file of trials written as JSON objects (one per file, or an array of them): `toTrial`
 * checks the fields of one object and gives its trial, or null once `check` has skipped it.
 */
export function readJsonTrials(
  source: Source,
  sink: RecordSink,
  toTrial: (item: Record<string, unknown>, check: RecordCheck) => Omit<Trial, 'source'> | null,
): Promise<ParseOutcome> {
  const reading = new FileReading(source, sink);
  const onObject = (item: Record<string, unknown>, check: RecordCheck) => {
    const trial = toTrial(item, check);
    // The trial is this reading's own: it gets its source, rather than being copied with it.
    if (trial) reading.trial(Object.assign(trial, { source: { file: reading.file } }));
  };
  return readJsonObjects(
    source,
    reading,
    onObject,
    'result',
    'no results in the file (an empty array)',
  );
}

/** What a JSON root must hold for a format to read it: each field an array or an object. */
export type RootShape = Record<string, 'array' | 'object'>;

/** A root object with the fields of `S`, each of its kind. */
export type JsonRoot<S extends RootShape> = Record<string, unknown> & {
  [K in keyof S]: S[K] extends 'array' ? unknown[] : Record<string, unknown>;
};

function holds<S extends RootShape>(root: unknown, shape: S): root is JsonRoot<S> {
  return (
    isJsonObject(root) &&
    Object.entries(shape).every(([key, kind]) =>
      kind === 'array' ? Array.isArray(root[key]) : isJsonObject(root[key]),
    )
  );
}

/**
 * Reads a file that is one JSON document whose root holds the fields of `shape`, and hands the
 * root to `read`; a file that is not JSON, or whose root lacks them, fails (`no "results" array:
 * not <what>`).
 */
export async function readJsonRoot<S extends RootShape>(
  source: Source,
  sink: RecordSink,
  { shape, what }: { shape: S; what: string },
  read: (root: JsonRoot<S>, reading: FileReading) => ParseOutcome,
): Promise<ParseOutcome> {
  const reading = new FileReading(source, sink);
  const parsed = await readJson(source);
  if (!parsed.ok) return reading.fail(parsed.reason, parsed.line);
  if (holds(parsed.value, shape)) return read(parsed.value, reading);
  const fields = Object.entries(shape).map(([key, kind]) => `"${key}" ${kind}`);
  return reading.fail(`no ${fields.join(' and ')}: not ${what}`);
}
