/// <reference lib="webworker" />
import { BatchLoader } from '../core/load';
import { fileSource, WHOLE_FILE_BYTES } from './fileSource';
import { fingerprint } from './fingerprint';
import {
  DETAILS_PER_MESSAGE,
  MAX_FILE_BYTES,
  type LoadMessage,
  type LoadProgress,
  type LoadCommand,
  type LoadRequest,
  type ParseSpan,
  type PickedFile,
} from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Small files read ahead of the one being parsed. */
const READ_AHEAD = 16;

/** Progress is posted at most this often, so thousands of files or rows do not flood the page. */
const PROGRESS_INTERVAL_MS = 50;

function post(message: LoadMessage): void {
  self.postMessage(message);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function megabytes(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}

async function loadBatch({ id, files, known }: LoadRequest): Promise<void> {
  const started = performance.now();
  const loader = new BatchLoader();
  const progress: LoadProgress = {
    filesDone: 0,
    filesTotal: files.length,
    bytesDone: 0,
    bytesTotal: files.reduce((sum, f) => sum + f.file.size, 0),
    records: 0,
    current: '',
  };
  let lastPost = 0;
  const report = (force = false) => {
    const now = performance.now();
    if (!force && now - lastPost < PROGRESS_INTERVAL_MS) return;
    lastPost = now;
    progress.records = loader.recordsRead;
    post({ type: 'progress', id, progress: { ...progress } });
  };
  // The same content twice (already loaded, or twice in this drop) is read once.
  const seen = new Map(Object.entries(known));
  const fingerprints = new Map<string, string>();
  const duplicates: { file: string; sameAs: string }[] = [];
  // Small files are read a few ahead, so the worker parses one while the next arrive
  // (a folder of a thousand files otherwise spends most of its time waiting on reads).
  const reads = new Map<number, Promise<ArrayBuffer>>();
  const readAhead = (from: number) => {
    for (let j = from; j < Math.min(files.length, from + READ_AHEAD); j += 1) {
      const next = files[j]?.file;
      if (next && next.size <= WHOLE_FILE_BYTES && !reads.has(j)) reads.set(j, next.arrayBuffer());
    }
  };
  for (const [index, { file, path, formatId, mapping }] of files.entries()) {
    readAhead(index);
    const bytesBefore = progress.bytesDone;
    progress.current = path;
    // Small files are read once, for their fingerprint and their text alike.
    const bytes = file.size <= WHOLE_FILE_BYTES ? await reads.get(index) : undefined;
    reads.delete(index);
    const print = file.size > MAX_FILE_BYTES ? null : await fingerprint(file, bytes);
    const sameAs = print === null ? undefined : seen.get(print);
    if (print !== null && sameAs !== undefined) {
      duplicates.push({ file: path, sameAs });
    } else if (file.size > MAX_FILE_BYTES) {
      loader.fail({
        file: path,
        reason: `too large to load (${megabytes(file.size)} MB; the limit is ${megabytes(MAX_FILE_BYTES)} MB)`,
      });
    } else {
      try {
        const source = await fileSource(
          file,
          path,
          (read) => {
            progress.bytesDone = bytesBefore + read;
            report();
          },
          bytes,
        );
        const error = await loader.add(source, { formatId, mapping });
        if (!error && print !== null) {
          seen.set(print, path);
          fingerprints.set(path, print);
        }
      } catch (error) {
        loader.fail({ file: path, reason: `could not be read (${describe(error)})` });
      }
    }
    progress.filesDone += 1;
    progress.bytesDone = bytesBefore + file.size;
    report();
  }
  report(true);
  const finished = loader.finish();
  const result = {
    ...finished,
    formats: finished.formats.map((f) => ({ ...f, fingerprint: fingerprints.get(f.file) })),
    duplicates,
  };
  const parse: ParseSpan = {
    startEpochMs: performance.timeOrigin + started,
    durationMs: performance.now() - started,
    bytes: progress.bytesTotal,
    records: loader.recordsRead,
    files: files.length,
  };
  result.runs.forEach((run, index) => {
    for (let i = 0; i < run.details.length; i += DETAILS_PER_MESSAGE) {
      post({
        type: 'details',
        id,
        run: index,
        trials: run.details.slice(i, i + DETAILS_PER_MESSAGE),
      });
    }
  });
  post({
    type: 'done',
    id,
    result: { ...result, runs: result.runs.map((run) => ({ ...run, details: [] })) },
    parse,
  });
}

/** Files received for each batch, until its 'load' command. */
const received = new Map<number, PickedFile[]>();

self.onmessage = (event: MessageEvent<LoadCommand>) => {
  const command = event.data;
  if (command.type === 'files') {
    const files = received.get(command.id) ?? [];
    files.push(...command.files);
    received.set(command.id, files);
    return;
  }
  const files = received.get(command.id) ?? [];
  received.delete(command.id);
  void loadBatch({ id: command.id, files, known: command.known });
};
