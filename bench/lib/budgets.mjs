// The performance budgets, checked against the figures: reported, never asserted.
import { ms as fmtMs, num, times } from './format.mjs';

/** @typedef {import('./uiLoad.mjs').LoadFigure} LoadFigure */
/** @typedef {import('./uiInteract.mjs').InteractFigure} InteractFigure */
/** @typedef {import('./bundle.mjs').BundleFigure} BundleFigure */
/** @typedef {import('./peer.mjs').PeerFigure} PeerFigure */
/** @typedef {import('./cli.mjs').CliFigure} CliFigure */

/**
 * @typedef {object} BudgetCheck
 * @property {string} what
 * @property {string} budget as written
 * @property {number} limit
 * @property {'max' | 'min'} kind whether the figure must stay at most or at least the limit
 * @property {number} measured NaN when it could not be measured
 * @property {string} shown the measured figure, formatted
 * @property {boolean} holds
 * @property {string} margin e.g. "✓ 40 ms under" or "✗ 1,657 ms over (6.5× the budget)"
 * @property {string} [note]
 */

/**
 * @param {Omit<BudgetCheck, 'holds' | 'margin' | 'shown'>} check
 * @param {(x: number) => string} format
 * @returns {BudgetCheck}
 */
function judge(check, format) {
  const { measured, limit, kind } = check;
  if (!Number.isFinite(measured)) {
    return { ...check, shown: 'not measured', holds: false, margin: '✗ not measured' };
  }
  const holds = kind === 'max' ? measured <= limit : measured >= limit;
  const gap = Math.abs(measured - limit);
  const word = kind === 'max' ? (holds ? 'under' : 'over') : holds ? 'above' : 'short';
  const factor =
    holds || limit === 0
      ? ''
      : kind === 'max'
        ? ` (${times(measured / limit)} the budget)`
        : ` (${num((measured / limit) * 100)} % of it)`;
  return {
    ...check,
    shown: format(measured),
    holds,
    margin: `${holds ? '✓' : '✗'} ${format(gap)} ${word}${factor}`,
  };
}

/**
 * @param {LoadFigure[]} loads
 * @param {string} id
 * @returns {LoadFigure | undefined}
 */
const loadOf = (loads, id) => loads.find((l) => l.id === id);

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

/**
 * @param {{ loads: LoadFigure[], interaction: InteractFigure | null, bundle: BundleFigure | null, peer: PeerFigure[], cli?: CliFigure[] }} figures
 * @returns {BudgetCheck[]}
 */
export function checkBudgets({ loads, interaction, bundle, peer, cli = [] }) {
  const folder = loadOf(loads, 'gkamradt-1225');
  const csv = loadOf(loads, 'tidy-1m.csv');
  const jsonl = loadOf(loads, 'generic-1m.jsonl');
  const folderPeer = peer.find((p) => p.id === 'gkamradt-1225');
  const folderCli = cli.find((c) => c.id === 'gkamradt-1225');
  const mbps = (/** @type {number} */ x) => `${num(x, 1)} MB/s`;
  const ratio = (/** @type {number} */ x) => times(x);
  const mib = (/** @type {number} */ x) => `${num(x, 1)} MiB`;
  const kB = (/** @type {number} */ x) => `${num(x, 1)} kB`;
  const worstLoad = loads.reduce(
    (/** @type {LoadFigure | null} */ worst, l) =>
      worst && worst.longestTaskMs >= l.longestTaskMs ? worst : l,
    null,
  );
  const palette = interaction?.changes.find((c) => c.control === 'palette');
  const metric = interaction?.changes.find((c) => c.control === 'metric');
  /** @type {BudgetCheck[]} */
  const checks = [
    judge(
      {
        what: '1,225-file folder: `haymap:load`',
        budget: '≤ 300 ms',
        limit: 300,
        kind: 'max',
        ...figureOf(folder, (l) => l.loadMs),
      },
      fmtMs,
    ),
    judge(
      {
        what: '1,225-file folder: faster than the notebook (process start to PNG ÷ `haymap:load`)',
        budget: '≥ 5×',
        limit: 5,
        kind: 'min',
        ...figureOf(folder, (l) => (folderPeer ? folderPeer.e2eMs / l.loadMs : NaN)),
      },
      ratio,
    ),
    judge(
      {
        what: '1,225-file folder: `haymap render` to PNG faster than the notebook (process to PNG, both)',
        budget: '≥ 3×',
        limit: 3,
        kind: 'min',
        measured: folderPeer && folderCli ? folderPeer.e2eMs / folderCli.e2eMs : NaN,
      },
      ratio,
    ),
    judge(
      {
        what: '1M-row tidy CSV: heatmap (`haymap:load`)',
        budget: '≤ 1.5 s',
        limit: 1500,
        kind: 'max',
        ...figureOf(csv, (l) => l.loadMs),
      },
      fmtMs,
    ),
    judge(
      {
        what: '1M-row tidy CSV: worker throughput',
        budget: '≥ 60 MB/s',
        limit: 60,
        kind: 'min',
        ...figureOf(csv, (l) => l.workerMBps),
      },
      mbps,
    ),
    judge(
      {
        what: '1M-row JSONL: worker throughput',
        budget: '≥ 150 MB/s',
        limit: 150,
        kind: 'min',
        ...figureOf(jsonl, (l) => l.workerMBps),
      },
      mbps,
    ),
    judge(
      {
        what: 'Longest main-thread task during any load',
        budget: '≤ 50 ms',
        limit: 50,
        kind: 'max',
        measured: worstLoad?.longestTaskMs ?? NaN,
        note: worstLoad
          ? `worst: ${worstLoad.id}; loads with a task over 50 ms: ${
              loads
                .filter((l) => l.longestTaskMs > 50)
                .map((l) => l.id)
                .join(', ') || 'none'
            }`
          : undefined,
      },
      fmtMs,
    ),
    judge(
      {
        what: `Palette change, ${interaction?.runsShown ?? 8} runs of 35 × 35 (median \`haymap:render\`)`,
        budget: '≤ 50 ms',
        limit: 50,
        kind: 'max',
        measured: palette?.medianMs ?? NaN,
      },
      fmtMs,
    ),
    judge(
      {
        what: `Metric change, ${interaction?.runsShown ?? 8} runs of 35 × 35 (median \`haymap:render\`)`,
        budget: '≤ 50 ms',
        limit: 50,
        kind: 'max',
        measured: metric?.medianMs ?? NaN,
      },
      fmtMs,
    ),
    judge(
      {
        what: 'Hover to tooltip painted (median)',
        budget: '≤ 16 ms',
        limit: 16,
        kind: 'max',
        measured: interaction?.hover.paintedMs ?? NaN,
      },
      fmtMs,
    ),
    judge(
      {
        what: '1M-row tidy CSV: worker peak JS heap',
        budget: '≤ 200 MB (MiB)',
        limit: 200,
        kind: 'max',
        ...figureOf(csv, (l) => l.workerHeapPeakMiB),
      },
      mib,
    ),
    judge(
      {
        what: 'Initial JavaScript, gzipped',
        budget: '≤ 200 kB',
        limit: 200,
        kind: 'max',
        measured: bundle ? bundle.initialJsGzipBytes / 1000 : NaN,
      },
      kB,
    ),
  ];
  return checks;
}
