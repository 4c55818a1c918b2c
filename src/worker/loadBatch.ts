import { BatchLoader } from '../core/load';
import { Dedupe } from './dedupe';
import type { FileQueue } from './fileQueue';
import { fileSources } from './fileSource';
import {
  DETAILS_PER_MESSAGE,
  MAX_FILE_BYTES,
  type LoadMessage,
  type LoadProgress,
  type ParseSpan,
} from './protocol';
import { ReadAhead } from './readAhead';
import { tooLarge, unreadable } from './unreadable';

/** Progress is posted at most this often, so thousands of files or rows do not flood the page. */
const PROGRESS_INTERVAL_MS = 50;

/** One batch being loaded: its id, the files as they come, and those already loaded. */
export interface BatchInput {
  id: number;
  files: FileQueue;
  /** Fingerprints of files already loaded, with their paths: such files are skipped. */
  known: Record<string, string>;
}

/**
 * Reads, parses and aggregates one batch, posting progress, kept trials, then the result. It
 * starts on the first file while the page is still handing over the rest.
 */
export async function loadBatch(
  { id, files, known }: BatchInput,
  post: (message: LoadMessage) => void,
): Promise<void> {
  const started = performance.now();
  const loader = new BatchLoader();
  const progress: LoadProgress = {
    filesDone: 0,
    filesTotal: files.total,
    bytesDone: 0,
    bytesTotal: 0,
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
  const dedupe = new Dedupe(known);
  const reads = new ReadAhead(files);
  for (let index = 0; ; index += 1) {
    const queued = await files.at(index);
    if (!queued) break;
    // Sizes are known once files have come; counted in the worker, not per file on the page.
    progress.bytesTotal = files.bytes;
    const { file, path, formatId, mapping } = queued.picked;
    const { bytes, print } = await reads.take(index);
    const bytesBefore = progress.bytesDone;
    progress.current = path;
    const seen = dedupe.check(path, print);
    if (seen.duplicate) {
      // Listed among the duplicates; nothing to read.
    } else if (file.size > MAX_FILE_BYTES) {
      loader.fail(tooLarge(path, file.size));
    } else {
      try {
        const onBytes = (read: number) => {
          progress.bytesDone = bytesBefore + read;
          report();
        };
        const opened = await fileSources(file, path, onBytes, bytes);
        if (!opened.ok) loader.fail({ file: path, reason: opened.reason });
        else {
          let failed = false;
          for (const source of opened.sources)
            if (await loader.add(source, { formatId, mapping })) failed = true;
          if (!failed && seen.print !== null) dedupe.read(path, seen.print);
        }
      } catch (error) {
        loader.fail(unreadable(path, error));
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
    formats: finished.formats.map((f) => ({ ...f, fingerprint: dedupe.fingerprintOf(f.file) })),
    duplicates: dedupe.duplicates,
  };
  const parse: ParseSpan = {
    startEpochMs: performance.timeOrigin + started,
    durationMs: performance.now() - started,
    bytes: progress.bytesTotal,
    records: loader.recordsRead,
    files: progress.filesDone,
  };
  result.runs.forEach((run, index) => {
    for (let i = 0; i < run.details.length; i += DETAILS_PER_MESSAGE) {
      const trials = run.details.slice(i, i + DETAILS_PER_MESSAGE);
      post({ type: 'details', id, run: index, trials });
    }
  });
  const runs = result.runs.map((run) => ({ ...run, details: [] }));
  post({ type: 'done', id, result: { ...result, runs }, parse });
}
