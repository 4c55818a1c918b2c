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

/**
 * Loader workers at most: folders wait on file reads, which more workers overlap, but each
 * costs its memory and start-up, and the page needs a core of its own.
 */
const MAX_WORKERS = 4;

/** The pool's size on this machine: one worker per core, within {@link MAX_WORKERS}. */
function poolSize(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return Math.max(1, Math.min(MAX_WORKERS, cores));
}

/** The pool; the first loads every batch, the others help it read large ones. */
let workers: Worker[] = [];
let nextId = 1;
const pending = new Map<number, Pending>();

/** Ends the workers and every batch in them, each with `outcome(request)`. */
function stopWorkers(outcome: (request: Pending) => LoadOutcome): void {
  for (const w of workers) w.terminate();
  workers = [];
  for (const [id, request] of pending) {
    pending.delete(id);
    request.resolve(outcome(request));
  }
}

function onMessage(event: MessageEvent<LoadMessage>): void {
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
}

/** The pool's first `count` workers, started when missing. */
function loaderWorkers(count: number): Worker[] {
  while (workers.length < count) {
    const started = new Worker(new URL('./load.worker.ts', import.meta.url), { type: 'module' });
    started.onmessage = onMessage;
    // A worker that dies (out of memory, a bug) must not leave a load spinning forever: every
    // pending batch ends with an error naming its files, and the next load starts a new pool.
    started.onerror = (event) => {
      event.preventDefault();
      stopWorkers((request) => ({
        runs: [],
        formats: [],
        unmapped: [],
        errors: request.paths.map((file) => ({
          file,
          reason: `the loader stopped (${event.message || 'out of memory?'})`,
        })),
      }));
    };
    workers.push(started);
  }
  return workers.slice(0, count);
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
 * Hands a batch's files to the pool a slice per task, so the page never blocks on it: slices
 * go to the workers in turn (a batch of a few slices stays with one), and the loading worker
 * starts on the first while the next are cloned.
 */
async function postInSlices(id: number, files: PickedFile[], known: Record<string, string>) {
  const pool = loaderWorkers(
    Math.min(poolSize(), Math.ceil(files.length / FILES_PER_MESSAGE) || 1),
  );
  const [lead, ...helpers] = pool;
  if (!lead) return;
  const channels = helpers.map(() => new MessageChannel());
  const start: LoadCommand = {
    type: 'start',
    id,
    filesTotal: files.length,
    known,
    helpers: channels.map((c) => c.port1),
  };
  lead.postMessage(start, start.helpers);
  helpers.forEach((helper, i) => {
    const port = channels[i]?.port2;
    if (!port) return;
    const help: LoadCommand = { type: 'help', id, lead: port };
    helper.postMessage(help, [port]);
  });
  for (let i = 0; i < files.length; i += FILES_PER_MESSAGE) {
    if (i > 0) await new Promise((next) => setTimeout(next, 0));
    // A cancel between slices ends the batch: send nothing more.
    if (!pending.has(id) || workers[0] !== lead) return;
    const command: LoadCommand = {
      type: 'files',
      id,
      first: i,
      files: files.slice(i, i + FILES_PER_MESSAGE),
    };
    pool[(i / FILES_PER_MESSAGE) % pool.length]?.postMessage(command);
  }
  const end: LoadCommand = { type: 'end', id };
  for (const w of pool) w.postMessage(end);
}

/**
 * Stops every load in progress. Terminating the worker is immediate even in the middle of a
 * huge file, which a cancel message would not be; the next load starts a fresh worker.
 */
export function cancelLoads(): void {
  stopWorkers(() => 'cancelled');
}
