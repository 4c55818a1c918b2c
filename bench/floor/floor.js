// The floor page's main thread: on a pick, post every file to the worker in one message, and on
// its answer record `floor:parse` (the worker's span) and `floor:load` (the input's change event
// to the next animation frame), as the app records `haymap:parse` and `haymap:load`.
// The mode comes from the query string: read, papaparse or jsonl (see floor.worker.js).
(() => {
  'use strict';

  const mode = new URLSearchParams(location.search).get('mode') ?? 'read';
  // Started with the page, so a pick times the work alone, not the worker's start-up.
  const worker = new Worker(`floor.worker.js?mode=${encodeURIComponent(mode)}`);
  const status = document.querySelector('[data-testid="floor-status"]');

  /** @param {MessageEvent<{ type: 'ready' } | { type: 'done', startedAt: number, startEpochMs: number, durationMs: number, readMs: number, bytes: number, records: number, files: number }>} event */
  worker.onmessage = (event) => {
    const answer = event.data;
    if (answer.type === 'ready') {
      document.body.dataset.ready = 'true';
      return;
    }
    if (answer.type !== 'done') return;
    const { startedAt, startEpochMs, durationMs, readMs, bytes, records, files } = answer;
    performance.measure('floor:parse', {
      start: Math.max(0, startEpochMs - performance.timeOrigin),
      duration: durationMs,
      detail: { bytes, records, files, readMs },
    });
    requestAnimationFrame(() => {
      performance.measure('floor:load', { start: startedAt, end: performance.now() });
      if (status) status.textContent = `${files} files, ${bytes} bytes, ${records} records`;
    });
  };

  for (const input of document.querySelectorAll('input[type="file"]')) {
    if (!(input instanceof HTMLInputElement)) continue;
    input.addEventListener('change', () => {
      const startedAt = performance.now();
      worker.postMessage({ startedAt, files: [...(input.files ?? [])] });
      // The hand-over's cost on the main thread: the FileList read and the Files cloned.
      performance.measure('floor:post', { start: startedAt, end: performance.now() });
    });
  }
})();
