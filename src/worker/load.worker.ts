/// <reference lib="webworker" />
import { BatchLoader } from '../core/load';
import { MAX_FILE_BYTES, type LoadMessage, type LoadProgress, type LoadRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Progress is posted at most this often, so a folder of thousands of files does not flood the page. */
const PROGRESS_INTERVAL_MS = 50;

function post(message: LoadMessage): void {
  self.postMessage(message);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function loadBatch({ id, files }: LoadRequest): Promise<void> {
  const loader = new BatchLoader();
  const progress: LoadProgress = {
    filesDone: 0,
    filesTotal: files.length,
    bytesDone: 0,
    bytesTotal: files.reduce((sum, f) => sum + f.file.size, 0),
  };
  let lastPost = 0;
  for (const { file, path } of files) {
    if (file.size > MAX_FILE_BYTES) {
      const mb = Math.round(file.size / 2 ** 20);
      loader.fail({
        file: path,
        reason: `too large to load (${mb} MB; the limit is ${MAX_FILE_BYTES / 2 ** 20} MB)`,
      });
    } else {
      try {
        loader.add({ path, text: await file.text() });
      } catch (error) {
        loader.fail({ file: path, reason: `could not be read (${describe(error)})` });
      }
    }
    progress.filesDone += 1;
    progress.bytesDone += file.size;
    const now = performance.now();
    if (now - lastPost > PROGRESS_INTERVAL_MS) {
      lastPost = now;
      post({ type: 'progress', id, progress: { ...progress } });
    }
  }
  post({ type: 'done', id, result: loader.finish() });
}

self.onmessage = (event: MessageEvent<LoadRequest>) => {
  void loadBatch(event.data);
};
