import type { BatchResult } from '../core/load';
import type { LoadMessage, LoadProgress, PickedFile } from './protocol';

interface Pending {
  paths: string[];
  resolve: (result: BatchResult) => void;
  onProgress: (progress: LoadProgress) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function loaderWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./load.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<LoadMessage>) => {
    const message = event.data;
    const request = pending.get(message.id);
    if (!request) return;
    if (message.type === 'progress') {
      request.onProgress(message.progress);
    } else {
      pending.delete(message.id);
      request.resolve(message.result);
    }
  };
  // A worker that dies (out of memory, a bug) must not leave a load spinning forever: every
  // pending batch ends with an error naming its files, and the next load starts a new worker.
  worker.onerror = (event) => {
    event.preventDefault();
    worker?.terminate();
    worker = null;
    for (const [id, request] of pending) {
      pending.delete(id);
      request.resolve({
        runs: [],
        formats: [],
        errors: request.paths.map((file) => ({
          file,
          reason: `the loader stopped (${event.message || 'out of memory?'})`,
        })),
      });
    }
  };
  return worker;
}

/** Reads, parses and aggregates files in the loader worker, off the main thread. */
export function loadInWorker(
  files: PickedFile[],
  onProgress: (progress: LoadProgress) => void,
): Promise<BatchResult> {
  const id = nextId;
  nextId += 1;
  return new Promise((resolve) => {
    pending.set(id, { paths: files.map((f) => f.path), resolve, onProgress });
    loaderWorker().postMessage({ id, files });
  });
}
