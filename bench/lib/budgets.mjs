// The performance budgets of issue #15, checked against the figures: reported, never asserted.
// Each is held beside what it is measured against in the same run (the floor: the bare page doing
// only what every reader must; or the peer: pandas, the notebook), with the ratio of the two.
import { ms as fmtMs, num, times } from './format.mjs';

/** @typedef {import('./uiLoad.mjs').LoadFigure} LoadFigure */
/** @typedef {import('./uiInteract.mjs').InteractFigure} InteractFigure */
/** @typedef {import('./peer.mjs').PeerFigure} PeerFigure */
/** @typedef {import('./cli.mjs').CliFigure} CliFigure */

/**
 * @typedef {object} BudgetCheck
 * @property {string} what
 * @property {string} budget the limit as written
 * @property {number} limit
 * @property {'max' | 'min'} kind whether the judged figure must stay at most or at least the limit
 * @property {'measured' | 'ratio'} judged which figure the limit is on
 * @property {number} measured Haymap's figure; NaN when it could not be measured
 * @property {string} shown the measured figure, formatted
 * @property {string} against the floor or peer and its figure, formatted ('—' when none)
 * @property {number} ratio Haymap over the floor / the peer over Haymap, as `ratioShown` says; NaN when none
 * @property {string} ratioShown
 * @property {boolean} holds
 * @property {string} margin e.g. "✓ holds" or "✗ fails (1.7× the limit)"
 * @property {string} [note]
 */

/**
 * @typedef {object} Check
 * @property {string} what
 * @property {string} budget
 * @property {number} limit
 * @property {'max' | 'min'} kind
 * @property {'measured' | 'ratio'} judged
 * @property {number} measured
 * @property {(x: number) => string} format of the measured figure
 * @property {string} against
 * @property {number} ratio
 * @property {string} ratioWord what the ratio is, after the number: "the bare read", "faster"
 * @property {string} [note]
 */

/**
 * @param {Check} check
 * @returns {BudgetCheck}
 */
function judge({ format, ratioWord, ...check }) {
  const value = check.judged === 'ratio' ? check.ratio : check.measured;
  const ratioShown = Number.isFinite(check.ratio) ? `${times(check.ratio)} ${ratioWord}` : '—';
  const shown = Number.isFinite(check.measured) ? format(check.measured) : 'not measured';
  if (!Number.isFinite(value)) {
    return { ...check, shown, ratioShown, holds: false, margin: '✗ not measured' };
  }
  const holds = check.kind === 'max' ? value <= check.limit : value >= check.limit;
  const off = check.kind === 'max' ? value / check.limit : check.limit / value;
  return {
    ...check,
    shown,
    ratioShown,
    holds,
    margin: holds
      ? '✓ holds'
      : // Within a tenth of the limit, two decimals: "1.0× short" would read as holding.
        `✗ fails (${off < 1.1 ? `${num(off, 2)}×` : times(off)} ${check.kind === 'max' ? 'over' : 'short of'} the limit)`,
  };
}

/**
 * A load's figure for a budget, or NaN and why when the page did not show the whole input.
 * @param {LoadFigure | undefined} load
 * @param {(load: LoadFigure) => number} pick
 * @returns {{ measured: number, note?: string }}
 */
function figureOf(load, pick) {
  if (!load) return { measured: NaN, note: 'not run' };
  if (!load.correct) {
    return {
      measured: NaN,
      note: `not read: ${load.shown.errors[0] ?? 'the heatmap is incomplete'}`,
    };
  }
  return { measured: pick(load) };
}

/** The 1,376-file folder, the tidy CSV with a model column and the JSONL the budgets are on. */
export const BUDGET_INPUTS = {
  folder: 'gkamradt-1376',
  csv: 'tidy-model-1m.csv',
  jsonl: 'generic-1m.jsonl',
};

/**
 * @param {{ loads: LoadFigure[], interaction: InteractFigure | null, peer: PeerFigure[], cli?: CliFigure[] }} figures
 * @returns {BudgetCheck[]}
 */
export function checkBudgets({ loads, interaction, peer, cli = [] }) {
  const loadOf = (/** @type {string} */ id) => loads.find((l) => l.id === id);
  const folder = loadOf(BUDGET_INPUTS.folder);
  const csv = loadOf(BUDGET_INPUTS.csv);
  const jsonl = loadOf(BUDGET_INPUTS.jsonl);
  // The notebook's runs beside the folder's loads (ABAB) when there are, even after `--only cli`
  // ran it again on its own.
  const notebook = folder?.notebook ?? peer.find((p) => p.id === BUDGET_INPUTS.folder);
  const mbps = (/** @type {number} */ x) => `${num(x, 1)} MB/s`;
  const frame = (/** @type {number} */ x) => fmtMs(x);
  const runs = interaction?.runsShown ?? 8;

  /** @type {Check[]} */
  const checks = [
    {
      what: 'Folder of 1,376 files: `haymap:load` near the bare read',
      budget: '≤ 1.3× the bare read',
      limit: 1.3,
      kind: 'max',
      judged: 'ratio',
      ...figureOf(folder, (l) => l.loadMs),
      format: fmtMs,
      against: folder?.floor ? `bare read ${fmtMs(folder.floor.loadMs)}` : 'bare read not run',
      ratio: folder?.floor && folder.correct ? folder.loadMs / folder.floor.loadMs : NaN,
      ratioWord: 'the bare read',
    },
    {
      what: 'Folder of 1,376 files: faster than the notebook (process start to PNG)',
      budget: '≥ 2.5× faster',
      limit: 2.5,
      kind: 'min',
      judged: 'ratio',
      ...figureOf(folder, (l) => l.loadMs),
      format: fmtMs,
      against: notebook ? `notebook ${fmtMs(notebook.e2eMs)}` : 'notebook not run',
      ratio: notebook && folder?.correct ? notebook.e2eMs / folder.loadMs : NaN,
      ratioWord: 'faster',
      ...(notebook && folder?.correct
        ? {
            note: notebook.beside
              ? `${notebook.runs} notebook runs, each right after a load (ABAB)`
              : 'the notebook ran after the browser section, not beside the loads',
          }
        : {}),
    },
    {
      what: '1M-row tidy CSV with a model column: end to end faster than pandas (process start, `read_csv`, `pivot_table`)',
      budget: '≥ 1.0× faster',
      limit: 1,
      kind: 'min',
      judged: 'ratio',
      ...figureOf(csv, (l) => l.loadMs),
      format: fmtMs,
      against: csv?.pandas ? `pandas ${fmtMs(csv.pandas.e2eMs)}` : 'pandas not run',
      ratio: csv?.pandas && csv.correct ? csv.pandas.e2eMs / csv.loadMs : NaN,
      ratioWord: 'faster',
    },
    {
      what: '1M-row tidy CSV with a model column: worker throughput',
      budget: '≥ 80 MB/s',
      limit: 80,
      kind: 'min',
      judged: 'measured',
      ...figureOf(csv, (l) => l.workerMBps),
      format: mbps,
      against: csv?.floor ? `raw papaparse ${mbps(csv.floor.mbPerS)}` : 'floor not run',
      ratio: csv?.floor && csv.correct ? csv.workerMBps / csv.floor.mbPerS : NaN,
      ratioWord: 'the floor',
    },
    {
      what: '1M-row JSONL: worker throughput',
      budget: '≥ 150 MB/s',
      limit: 150,
      kind: 'min',
      judged: 'measured',
      ...figureOf(jsonl, (l) => l.workerMBps),
      format: mbps,
      against: jsonl?.floor
        ? `line split + \`JSON.parse\` ${mbps(jsonl.floor.mbPerS)}`
        : 'floor not run',
      ratio: jsonl?.floor && jsonl.correct ? jsonl.workerMBps / jsonl.floor.mbPerS : NaN,
      ratioWord: 'the floor',
    },
    ...['palette', 'metric', 'threshold'].map((control) => {
      const change = interaction?.changes.find((c) => c.control === control);
      return /** @type {Check} */ ({
        what: `${control[0]?.toUpperCase()}${control.slice(1)} change, ${runs} runs of 35 × 35: to the next frame (median \`haymap:render\`)`,
        budget: '≤ 16 ms',
        limit: 16,
        kind: 'max',
        judged: 'measured',
        measured: change?.medianMs ?? NaN,
        format: frame,
        against: '— (one 60 Hz frame)',
        ratio: (change?.medianMs ?? NaN) / 16,
        ratioWord: 'the limit',
      });
    }),
    {
      what: 'Hover to tooltip painted (median)',
      budget: '≤ 16 ms',
      limit: 16,
      kind: 'max',
      judged: 'measured',
      measured: interaction?.hover.paintedMs ?? NaN,
      format: frame,
      against: '— (one 60 Hz frame)',
      ratio: (interaction?.hover.paintedMs ?? NaN) / 16,
      ratioWord: 'the limit',
    },
    longestTask(loads),
    workerHeap(loads),
    renderBudget(cli.find((c) => c.id === BUDGET_INPUTS.folder)),
  ];
  return checks.map(judge);
}

/**
 * Issue #16: `haymap render` to PNG at least 3x faster than the notebook on the folder, both
 * timed in turn (ABAB) in the bench's command-line section.
 * @param {CliFigure | undefined} render
 * @returns {Check}
 */
function renderBudget(render) {
  const notebook = render?.notebookMs;
  return {
    what: 'Folder of 1,376 files: `haymap render` to PNG faster than the notebook (runs in turn)',
    budget: '≥ 3× faster',
    limit: 3,
    kind: 'min',
    judged: 'ratio',
    measured: render?.e2eMs ?? NaN,
    format: fmtMs,
    against: notebook === undefined ? 'notebook not run' : `notebook ${fmtMs(notebook)}`,
    ratio: render && notebook !== undefined ? notebook / render.e2eMs : NaN,
    ratioWord: 'faster',
    ...(render && notebook !== undefined
      ? { note: `${render.runs} renders, each followed by a notebook run (ABAB)` }
      : {}),
  };
}

/**
 * No main-thread task over 50 ms during any load of any input; the floor pages' longest beside it.
 * @param {LoadFigure[]} loads
 * @returns {Check}
 */
function longestTask(loads) {
  const worst = loads.reduce(
    (/** @type {LoadFigure | null} */ w, l) => (w && w.longestTaskMs >= l.longestTaskMs ? w : l),
    null,
  );
  const floors = loads.flatMap((l) => (l.floor ? [l.floor.longestTaskMs] : []));
  const floorWorst = floors.length > 0 ? Math.max(...floors) : NaN;
  const over = loads.filter((l) => l.longestTaskMs > 50).map((l) => l.id);
  return {
    what: 'Longest main-thread task during any bench load',
    budget: '≤ 50 ms',
    limit: 50,
    kind: 'max',
    judged: 'measured',
    measured: worst ? worst.longestTaskMs : NaN,
    format: (x) => (x > 0 ? fmtMs(x) : '< 50 ms'),
    against: Number.isFinite(floorWorst)
      ? `floor pages: ${floorWorst > 0 ? fmtMs(floorWorst) : '< 50 ms'}`
      : 'floor not run',
    ratio: worst ? worst.longestTaskMs / 50 : NaN,
    ratioWord: 'the limit',
    note: worst
      ? `worst: ${worst.id}; loads with a task over 50 ms: ${over.join(', ') || 'none'}`
      : undefined,
  };
}

/**
 * The worker's peak heap on the 1M-row inputs, the largest of them; the floor's on the same file.
 * @param {LoadFigure[]} loads
 * @returns {Check}
 */
function workerHeap(loads) {
  const million = loads.filter((l) => l.id.includes('-1m'));
  const worst = million.reduce(
    (/** @type {LoadFigure | null} */ w, l) =>
      w && !(l.workerHeapPeakMiB > w.workerHeapPeakMiB) ? w : l,
    null,
  );
  const mib = (/** @type {number} */ x) => `${num(x, 1)} MiB`;
  return {
    what: 'Worker heap peak for 1M rows (the largest of the 1M-row inputs)',
    budget: '≤ 70 MiB',
    limit: 70,
    kind: 'max',
    judged: 'measured',
    ...figureOf(worst ?? undefined, (l) => l.workerHeapPeakMiB),
    format: mib,
    against: worst?.floor
      ? `floor (${worst.floor.mode}) on the same file: ${mib(worst.floor.workerHeapPeakMiB)}`
      : '—',
    ratio: worst?.floor ? worst.workerHeapPeakMiB / worst.floor.workerHeapPeakMiB : NaN,
    ratioWord: 'the floor',
    note: worst
      ? `${million.map((l) => `${l.id} ${mib(l.workerHeapPeakMiB)}`).join(', ')}`
      : undefined,
  };
}
