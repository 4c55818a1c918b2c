// results.md from the figures: one table per section, budgets beside the figures they judge.
import { resolveConfig, format } from 'prettier';

import { mb, num, table } from './format.mjs';
import { interactionSection, loadSection } from './reportBrowser.mjs';
import { bundleSection, cliSection, coreSection, peerSection } from './reportNode.mjs';

/** @typedef {import('./budgets.mjs').BudgetCheck} BudgetCheck */
/** @typedef {import('./machine.mjs').Machine} Machine */
/** @typedef {import('./inputs.mjs').Input} Input */
/** @typedef {import('./uiLoad.mjs').LoadFigure} LoadFigure */
/** @typedef {import('./uiInteract.mjs').InteractFigure} InteractFigure */
/** @typedef {import('./core.mjs').CoreFigure} CoreFigure */
/** @typedef {import('./bundle.mjs').BundleFigure} BundleFigure */
/** @typedef {import('./peer.mjs').PeerFigure} PeerFigure */
/** @typedef {import('./cli.mjs').CliFigure} CliFigure */

/**
 * @typedef {object} Results
 * @property {string} generatedAt ISO time
 * @property {number} durationS the whole bench
 * @property {string} commit `git describe` of the tree measured
 * @property {Machine} machine
 * @property {{ start: number[], end: number[] }} loadAverage 1, 5 and 15 minute load averages
 * @property {Record<string, number>} sectionS seconds per section
 * @property {Input[]} inputs
 * @property {LoadFigure[]} loads
 * @property {InteractFigure | null} interaction
 * @property {CoreFigure[]} core
 * @property {CoreFigure[]} coreFixtures
 * @property {BundleFigure | null} bundle
 * @property {string[]} firstVisit assets a first visit fetched, as observed in the browser
 * @property {{ available: boolean, figures: PeerFigure[] }} peer
 * @property {CliFigure[]} [cli] `haymap render` to PNG on the notebook's inputs
 * @property {{ generatedAt: string, commit: string }} [othersFrom] set by `--only cli`: the run the
 *   other figures were kept from
 * @property {BudgetCheck[]} budgets
 */

/** @param {Results} r */
function machineSection(r) {
  const m = r.machine;
  const busy = Math.max(r.loadAverage.start[0] ?? 0, r.loadAverage.end[0] ?? 0) > m.cpuCount;
  return [
    '## Machine',
    '',
    table(
      ['', ''],
      [
        ['CPU', `${m.cpuModel}, ${m.cpuCount} logical CPUs`],
        ['Memory', `${num(m.memoryGiB, 1)} GiB`],
        ['OS', m.os],
        ['Node', m.node],
        ['Chromium', `${m.chromium} (headless, system build), Playwright ${m.playwright}`],
        ['Peer', m.python],
        [
          'Load average (1 min) at start / end',
          `${num(r.loadAverage.start[0], 2)} / ${num(r.loadAverage.end[0], 2)}`,
        ],
      ],
    ),
    '',
    busy
      ? `**Other processes competed for the CPUs during this run** (1-minute load average above ${m.cpuCount}): figures are slower and noisier than on an idle machine.`
      : 'The machine was otherwise idle (load average at most the CPU count).',
  ].join('\n');
}

/** @param {Results} r */
function budgetSection(r) {
  return [
    '## Budgets',
    '',
    "Reported, never asserted. Each budget is held beside its floor (the bare page of `bench/floor/` doing with the same files only what every reader must, in the same Chromium on the same origin) or its peer (pandas, the notebook), measured in this run, alternating with the app's loads (ABAB) for the floors and pandas. Ratio: Haymap over the floor, or how many times faster than the peer Haymap is; for budgets without a floor, the measured figure over the limit. ✓ holds, ✗ fails.",
    '',
    table(
      ['Budget', 'Limit', 'Measured', 'Floor / peer', 'Ratio', 'Holds', 'Note'],
      r.budgets.map((b) => [
        b.what,
        b.budget,
        b.shown,
        b.against ?? '—',
        b.ratioShown ?? '—',
        b.margin,
        b.note ?? '',
      ]),
    ),
  ].join('\n');
}

/** @param {Results} r */
function inputSection(r) {
  return [
    '## Inputs',
    '',
    'Seeded, written to `bench/out/inputs/` (reused while the generators are unchanged). Every input is the 35 lengths (1,000 … 200,000 tokens) × 35 sigmoid depths of the Claude 2.1 sweep.',
    '',
    table(
      ['Input', 'What', 'Files', 'Size', 'Trials'],
      r.inputs.map((i) => [`\`${i.id}\``, i.label, num(i.files), mb(i.bytes), num(i.trials)]),
    ),
  ].join('\n');
}

/**
 * The whole of results.md, formatted as the repository's Prettier settings write Markdown.
 * @param {Results} r
 * @param {string} path where it will be written (for Prettier's settings)
 * @returns {Promise<string>}
 */
export async function renderMarkdown(r, path) {
  const sections = Object.entries(r.sectionS)
    .map(([name, s]) => `${name} ${num(s, 0)} s`)
    .join(', ');
  const text = [
    '# Haymap benchmark results',
    '',
    r.othersFrom
      ? `The notebook and \`haymap render\` figures written by \`node bench/run.mjs --only cli\` on ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC at \`${r.commit}\`; the load average below is this run's; every other figure (and the sections' times) is kept from \`npm run bench\` on ${r.othersFrom.generatedAt.slice(0, 16).replace('T', ' ')} UTC at \`${r.othersFrom.commit}\`. How each figure is measured: [README.md](README.md). Every figure is also in [results.json](results.json).`
      : `Written by \`npm run bench\` on ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC at \`${r.commit}\`, in ${num(r.durationS / 60, 1)} min (${sections}). How each figure is measured: [README.md](README.md). Every figure is also in [results.json](results.json).`,
    '',
    machineSection(r),
    '',
    budgetSection(r),
    '',
    inputSection(r),
    '',
    loadSection(r),
    '',
    interactionSection(r),
    '',
    coreSection(r),
    '',
    bundleSection(r),
    '',
    peerSection(r),
    '',
    cliSection(r),
    '',
  ].join('\n');
  const options = (await resolveConfig(path)) ?? {};
  return format(text, { ...options, filepath: path });
}

/**
 * results.json, formatted as Prettier writes JSON.
 * @param {Results} r
 * @param {string} path
 * @returns {Promise<string>}
 */
export async function renderJson(r, path) {
  const options = (await resolveConfig(path)) ?? {};
  return format(JSON.stringify(r), { ...options, filepath: path });
}
