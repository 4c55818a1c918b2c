// The floor page's worker: what any reader of these files must do, and nothing else.
//   read       every file's text, 16 reads in flight
//   papaparse  each file's text, then raw `Papa.parse(text, { delimiter: ',', newline: '\n' })`
//   jsonl      each file's text, split at '\n', `JSON.parse` of every non-empty line
// Timed as the app's worker times `haymap:parse`: from taking the message to the answer ready.
(() => {
  'use strict';

  /**
   * The worker's global, typed by hand: this file is checked with the DOM's types, not a worker's.
   * @type {{ importScripts: (url: string) => void, Papa: { parse: (text: string, config: object) => { data: string[][] } }, postMessage: (message: unknown) => void, onmessage: ((event: MessageEvent<{ startedAt: number, files: File[] }>) => void) | null }}
   */
  const scope = /** @type {any} */ (self);
  const mode = new URLSearchParams(location.search).get('mode') ?? 'read';
  if (mode === 'papaparse') scope.importScripts('papaparse.min.js');

  /** Reads in flight at once for `read`. */
  const IN_FLIGHT = 16;

  /**
   * @param {File[]} files
   * @returns {Promise<number>} characters read
   */
  async function readAll(files) {
    let next = 0;
    let bytes = 0;
    const reader = async () => {
      while (next < files.length) {
        const file = files[next];
        next += 1;
        if (file) bytes += (await file.text()).length;
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, reader));
    return bytes;
  }

  scope.onmessage = async (event) => {
    const { startedAt, files } = event.data;
    const t0 = performance.now();
    let records = 0;
    let readMs = 0;
    if (mode === 'read') {
      await readAll(files);
      records = files.length;
      readMs = performance.now() - t0;
    } else {
      for (const file of files) {
        const tRead = performance.now();
        const text = await file.text();
        readMs += performance.now() - tRead;
        if (mode === 'papaparse') {
          const rows = scope.Papa.parse(text, { delimiter: ',', newline: '\n' }).data;
          // Less the header and the empty row after the last newline.
          records += rows.length - 1 - (text.endsWith('\n') ? 1 : 0);
        } else {
          let score = 0;
          for (const line of text.split('\n')) {
            if (line.length === 0) continue;
            const value = JSON.parse(line);
            // Touch the parsed value, as any reader does.
            if (value.score === 1) score += 1;
            records += 1;
          }
          if (score < 0) throw new Error('unreachable');
        }
      }
    }
    const durationMs = performance.now() - t0;
    const bytes = files.reduce((sum, file) => sum + file.size, 0);
    scope.postMessage({
      type: 'done',
      startedAt,
      startEpochMs: performance.timeOrigin + t0,
      durationMs,
      readMs,
      bytes,
      records,
      files: files.length,
    });
  };

  scope.postMessage({ type: 'ready' });
})();
