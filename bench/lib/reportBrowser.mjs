// results.md: the sections of the figures taken in the browser (loads, re-render, hover).
import { inputLabel, ms, num, table, times } from './format.mjs';

/** @typedef {import('./report.mjs').Results} Results */

/**
 * The longest task in the half second after the loads (work a load leaves behind).
 * @param {Results['loads'][number]} load
 * @returns {string}
 */
function longestAfter(load) {
  const longest = Math.max(0, ...load.all.map((run) => run.longestTaskAfterMs));
  return longest > 0 ? ms(longest) : '< 50 ms';
}

/** @param {Results} r */
export function loadSection(r) {
  const rows = r.loads.map((l) => [
    inputLabel(r.inputs, l.id),
    l.runs,
    `${ms(l.loadMs)} (${num(l.loadMinMs)}–${num(l.loadMaxMs)})`,
    ms(l.parseMs),
    `${ms(l.beforeParseMs)} / ${ms(l.afterParseMs)}`,
    num(l.workerMBps, 1),
    num(l.workerRowsPerS),
    num(l.workerHeapPeakMiB, 1),
    num(l.pageHeapPeakMiB, 1),
    `${l.longestTaskMs > 0 ? ms(l.longestTaskMs) : '< 50 ms'} (${num(l.longTasksPerLoad)})`,
    longestAfter(l),
    l.correct
      ? `✓ ${num(l.shown.cells)} cells, ${num(l.shown.trials)} trials`
      : `✗ ${l.shown.errors[0] ?? `${num(l.shown.cells)} cells, ${num(l.shown.trials)} trials`}`,
  ]);
  const frames = r.loads
    .filter((l) => l.worstFrame)
    .map((l) => {
      const f = l.worstFrame;
      const scripts = (f?.scripts ?? [])
        .slice()
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3)
        .map((s) => `${s.invoker}${s.fn ? ` → ${s.fn}` : ''} ${ms(s.duration)}`)
        .join('; ');
      return [
        inputLabel(r.inputs, l.id),
        ms(f?.duration),
        ms(f?.blocking),
        scripts || 'no script attributed (style, layout, paint, GC)',
      ];
    });
  return [
    '## Loading through the UI (headless Chromium)',
    '',
    "A fresh browser context and page per run; files set on the app's own file or folder input. `haymap:load` is the app's User Timing from the files reaching the app to the frame after the heatmaps commit; `haymap:parse` the worker's span (reading, decoding, parsing, aggregating; posting the result excluded). Before / after: from the load's start to the worker's (hand-over of the files, worker start-up), and from the worker's end to the load's (result and details posted and cloned, store update, React render, next frame). Throughput is file bytes (10^6 per MB) or records over the worker span. Heaps are the peaks of `Runtime.getHeapUsage` polled every 50 ms. Long tasks are the main-thread `longtask` entries (over 50 ms) that overlapped the load; the next column, those that started in the half second after it (work the load left behind, such as saving the runs).",
    '',
    table(
      [
        'Input',
        'Runs',
        '`haymap:load` median (min–max)',
        'Worker parse',
        'Before / after parse',
        'Worker MB/s',
        'Worker rows/s',
        'Worker heap peak MiB',
        'Page heap peak MiB',
        'Longest task (count)',
        'Longest task in the 0.5 s after',
        'Shown',
      ],
      rows,
    ),
    '',
    floorSection(r),
    '',
    "The longest animation frame during each input's loads, with the scripts that ran in it (Long Animation Frames API):",
    '',
    table(['Input', 'Frame', 'Blocking', 'Longest scripts'], frames),
  ].join('\n');
}

/** What each floor mode does, for the table. */
const FLOOR_WORK = {
  read: "read every file's text, 16 reads in flight",
  papaparse: 'read the text, raw `Papa.parse`',
  jsonl: 'read the text, split lines, `JSON.parse` each',
};

/** @param {Results} r */
function floorSection(r) {
  const rows = r.loads
    .filter((l) => l.floor || l.pandas)
    .map((l) => {
      const f = l.floor;
      const p = l.pandas;
      return [
        inputLabel(r.inputs, l.id),
        f ? FLOOR_WORK[f.mode] : '—',
        f ? `${ms(f.loadMs)} (${num(f.loadMinMs)}–${num(f.loadMaxMs)})` : '—',
        f ? ms(f.postMs) : '—',
        f ? `${ms(f.parseMs)} (read ${ms(f.readMs)})` : '—',
        f ? num(f.mbPerS, 1) : '—',
        f ? num(f.workerHeapPeakMiB, 1) : '—',
        f ? times(l.loadMs / f.loadMs) : '—',
        f ? times(l.workerMBps / f.mbPerS) : '—',
        p
          ? `${ms(p.e2eMs)} (${num(p.minMs)}–${num(p.maxMs)}; read ${ms(p.readMs)}, pivot ${ms(p.pivotMs)})`
          : '—',
        p ? times(p.e2eMs / l.loadMs) : '—',
      ];
    });
  if (rows.length === 0) return 'No floor or pandas run beside the loads.';
  return [
    "The floors and pandas, run right after each of the app's loads above (ABAB). The floor page (`bench/floor/`, served at `/__floor/` on the app's origin, a fresh context each run, its worker started with the page) gets the same files on the same kind of input, posts them to its worker in one message, and records `floor:load` (the change event to the frame after the worker's answer), `floor:post` (the change handler: the FileList read and the files posted) and `floor:parse` (the worker's span), as the app records `haymap:load` and `haymap:parse`. pandas is `bench/peer/pandas_table.py`: process start, `read_csv`, `pivot_table`, timed to the pivot table done.",
    '',
    table(
      [
        'Input',
        'Floor does',
        'Floor load median (min–max)',
        'Floor hand-over (main thread)',
        'Floor worker',
        'Floor MB/s',
        'Floor worker heap MiB',
        'App load ÷ floor',
        'App MB/s ÷ floor',
        'pandas, process to pivot (min–max)',
        'pandas ÷ app load',
      ],
      rows,
    ),
  ].join('\n');
}

/** @param {Results} r */
export function interactionSection(r) {
  const i = r.interaction;
  if (!i) return '## Re-render and hover\n\nNot measured.';
  const budget = (/** @type {string} */ control) =>
    r.budgets.find((b) => b.what.startsWith(control));
  return [
    `## Re-render and hover (${i.runsShown} runs × 35 × 35 = ${num(i.cellsShown)} cells)`,
    '',
    `One tidy CSV of ${i.runsShown} models (\`haymap:load\` ${ms(i.loadMs)}), scores 0, 0.4, 0.8 and 1, shown side by side. Each change is one \`selectOption\` on the palette or metric select, or one \`fill\` of the threshold's number input (0.5, 0.9, 0.3 in turn, with the pass rate shown); the figure is the app's \`haymap:render\` (the store update to the next animation frame).`,
    '',
    table(
      ['Change', 'Changes', 'Median', 'Max', 'Longest task', 'Budget', 'Holds'],
      i.changes.map((c) => {
        const b = budget(`${c.control[0]?.toUpperCase()}${c.control.slice(1)}`);
        return [
          c.control,
          c.renderMs.length,
          ms(c.medianMs),
          ms(c.maxMs),
          c.longestTaskMs > 0 ? ms(c.longestTaskMs) : '< 50 ms',
          b?.budget ?? '',
          b?.margin ?? '',
        ];
      }),
    ),
    '',
    'Hover: the mouse is moved off the heatmaps, then onto a cell of the first one with a real input event (Playwright `mouse.move`, CDP `Input.dispatchMouseEvent`). In the page, a capturing `mouseover` listener takes the event\'s `timeStamp`; a MutationObserver notes when the tooltip enters the DOM; then the next `requestAnimationFrame`, and a MessageChannel task posted from it, which runs once that frame\'s style, layout and paint are done ("painted").',
    '',
    table(
      [
        'Samples',
        'Input delay',
        'To tooltip in DOM',
        'To next frame',
        'To painted (median)',
        'To painted (max)',
        'Budget',
        'Holds',
      ],
      [
        [
          i.hover.samples,
          ms(i.hover.inputDelayMs),
          ms(i.hover.domMs),
          ms(i.hover.frameMs),
          ms(i.hover.paintedMs),
          ms(i.hover.paintedMaxMs),
          budget('Hover')?.budget ?? '',
          budget('Hover')?.margin ?? '',
        ],
      ],
    ),
  ].join('\n');
}
