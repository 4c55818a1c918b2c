import type { BatchResult, Trial } from '../core/types';
import {
  FILES_PER_MESSAGE,
  type LoadCommand,
  type LoadMessage,
  type LoadProgress,
  type ParseSpan,
  type PickedFile,
} from './protocol';

/** A batch's result, or 'cancelled' when the user stopped it. */
export type LoadOutcome = BatchResult | 'cancelled';

interface Pending {
  paths: string[];
  /** Trial details per run index, gathered from the details messages. */
  details: Trial[][];
  resolve: (outcome: LoadOutcome) => void;
  onProgress: (progress: LoadProgress) => void;
}

/**
 * Records the worker's span as `haymap:parse` on the page's timeline, with what it read as
 * `detail`, so benchmarks can tell the worker's share of `haymap:load` and its throughput.
 */
function measureParse(span: ParseSpan): void {
  const { startEpochMs, durationMs, ...detail } = span;
  performance.measure('haymap:parse', {
    start: Math.max(0, startEpochMs - performance.timeOrigin),
    duration: durationMs,
    detail,
  });
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Ends the worker and every batch in it, each with `outcome(request)`. */
function stopWorker(outcome: (request: Pending) => LoadOutcome): void {
  worker?.terminate();
  worker = null;
  for (const [id, request] of pending) {
    pending.delete(id);
    request.resolve(outcome(request));
  }
}

function loaderWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./load.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<LoadMessage>) => {
    const message = event.data;
    const request = pending.get(message.id);
    if (!request) return;
    if (message.type === 'progress') {
      request.onProgress(message.progress);
    } else if (message.type === 'details') {
      (request.details[message.run] ??= []).push(...message.trials);
    } else {
      pending.delete(message.id);
      measureParse(message.parse);
      const runs = message.result.runs.map((run, i) => ({
        ...run,
        details: request.details[i] ?? [],
      }));
      request.resolve({ ...message.result, runs });
    }
  };
  // A worker that dies (out of memory, a bug) must not leave a load spinning forever: every
  // pending batch ends with an error naming its files, and the next load starts a new worker.
  worker.onerror = (event) => {
    event.preventDefault();
    stopWorker((request) => ({
      runs: [],
      formats: [],
      unmapped: [],
      errors: request.paths.map((file) => ({
        file,
        reason: `the loader stopped (${event.message || 'out of memory?'})`,
      })),
    }));
  };
  return worker;
}

/** Reads, parses and aggregates files in the loader worker, off the main thread. */
export function loadInWorker(
  files: PickedFile[],
  onProgress: (progress: LoadProgress) => void,
  known: Record<string, string> = {},
): Promise<LoadOutcome> {
  const id = nextId;
  nextId += 1;
  return new Promise((resolve) => {
    pending.set(id, { paths: files.map((f) => f.path), details: [], resolve, onProgress });
    void postInSlices(id, files, known);
  });
}

/**
 * Hands a batch's files to the worker a slice per task, so the page never blocks on it; the
 * worker starts on the first slice while the next are cloned.
 */
async function postInSlices(id: number, files: PickedFile[], known: Record<string, string>) {
  const target = loaderWorker();
  const start: LoadCommand = { type: 'start', id, filesTotal: files.length, known };
  target.postMessage(start);
  for (let i = 0; i < files.length; i += FILES_PER_MESSAGE) {
    if (i > 0) await new Promise((next) => setTimeout(next, 0));
    // A cancel between slices ends the batch: send nothing more.
    if (!pending.has(id) || worker !== target) return;
    const command: LoadCommand = {
      type: 'files',
      id,
      files: files.slice(i, i + FILES_PER_MESSAGE),
    };
    target.postMessage(command);
  }
  const end: LoadCommand = { type: 'end', id };
  target.postMessage(end);
}

/**
 * Stops every load in progress. Terminating the worker is immediate even in the middle of a
 * huge file, which a cancel message would not be; the next load starts a fresh worker.
 */
export function cancelLoads(): void {
  stopWorker(() => 'cancelled');
}
