import * as nodeCrypto from 'node:crypto';
import {
  BatchLoader,
  Dedupe,
  fileSources,
  fingerprint,
  MAX_FILE_BYTES,
  uniqueName,
  type LoadError,
  type Run,
} from './app';
import type { InputFile, MissingInput } from './inputs';

/** What loading the inputs gave: runs as the app would name them, and the files that failed. */
export interface Loaded {
  runs: Run[];
  errors: LoadError[];
  /** Files no format claimed (the app would offer its column-mapping dialog for them). */
  unmapped: string[];
  /** Files skipped because the same content came earlier, as the app skips them. */
  duplicates: { file: string; sameAs: string }[];
}

/**
 * Node's own SHA-256, synchronous (WebCrypto's is a trip through the thread pool per file):
 * the one-shot `crypto.hash` where Node has it (20.12 on), a Hash object before.
 */
const sha256 =
  'hash' in nodeCrypto
    ? (data: Uint8Array) => nodeCrypto.hash('sha256', data, 'buffer')
    : (data: Uint8Array) => nodeCrypto.createHash('sha256').update(data).digest();

/** Called after each file, for a progress line. */
export type OnFile = (done: number, total: number, path: string) => void;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the files as the app's loader worker does (src/worker/load.worker.ts): one batch, the
 * same content read once, the same size limit, each file through the worker's `fileSource`
 * into the core's `BatchLoader`. Runs get ids and unique names as the app gives them.
 */
export async function loadInputs(
  files: readonly InputFile[],
  missing: readonly MissingInput[] = [],
  onFile: OnFile = () => {},
): Promise<Loaded> {
  const loader = new BatchLoader();
  for (const { path, reason } of missing) loader.fail({ file: path, reason });
  const dedupe = new Dedupe({});
  for (const [index, { path, file, bytes }] of files.entries()) {
    if (file.size > MAX_FILE_BYTES) {
      loader.fail({ file: path, reason: 'too large to load (over the 2 GB limit)' });
    } else {
      try {
        // A small file's bytes, read already, serve the fingerprint and the reader: the File
        // itself is not read again.
        const seen = dedupe.check(path, await fingerprint(file, bytes, sha256));
        if (!seen.duplicate) {
          const opened = await fileSources(file, path, () => {}, bytes);
          if (!opened.ok) loader.fail({ file: path, reason: opened.reason });
          else {
            let failed = false;
            for (const source of opened.sources) if (await loader.add(source)) failed = true;
            if (!failed && seen.print !== null) dedupe.read(path, seen.print);
          }
        }
      } catch (error) {
        loader.fail({ file: path, reason: `could not be read (${describe(error)})` });
      }
    }
    onFile(index + 1, files.length, path);
  }
  const result = loader.finish();
  const taken: string[] = [];
  const runs = result.runs.map((draft, i) => {
    const name = uniqueName(draft.name, taken);
    taken.push(name);
    return { ...draft, name, id: `run-${i + 1}` };
  });
  return {
    runs,
    errors: result.errors,
    unmapped: result.unmapped.map((u) => u.file),
    duplicates: dedupe.duplicates,
  };
}

/** A load error as the app lists it: the file, the line where that applies, the reason. */
export function errorLine(error: LoadError): string {
  return `${error.file}${error.line === undefined ? '' : `, line ${error.line}`}: ${error.reason}`;
}
