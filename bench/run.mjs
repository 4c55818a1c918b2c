// npm run bench: Haymap's performance figures, written to bench/results.md and
// bench/results.json. See bench/README.md for what each figure means and how it is taken.
//
//   node bench/run.mjs           the full bench (under 10 minutes on 2 cores)
//   node bench/run.mjs --quick   one run of everything, for trying the bench itself out;
//                                its figures are not worth keeping
//   node bench/run.mjs --report  rewrites results.md from results.json (after a change to
//                                the report's layout), measuring nothing
//   node bench/run.mjs --only cli  measures `haymap render` and the notebook alone (a few
//                                minutes), keeping the other figures of results.json
//   node bench/run.mjs --quick --inputs gkamradt-1376,tidy-model-1m.csv
//                                only these inputs, for trying the bench out
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { checkBudgets } from './lib/budgets.mjs';
import { buildCore, ensureAppBuilt } from './lib/build.mjs';
import { launchBrowser, observeFirstVisit } from './lib/browser.mjs';
import { measureBundle } from './lib/bundle.mjs';
import { benchCli, ensureCliBuilt } from './lib/cli.mjs';
import { benchCoreFixtures, benchCoreInputs } from './lib/core.mjs';
import { prepareInputs } from './lib/inputs.mjs';
import { describeMachine } from './lib/machine.mjs';
import { DIST_COPY, FLOOR_DIR, PAPAPARSE, ROOT } from './lib/paths.mjs';
import { benchPeer, ensurePeer } from './lib/peer.mjs';
import { renderJson, renderMarkdown } from './lib/report.mjs';
import { serveStatic } from './lib/server.mjs';
import { benchInteraction } from './lib/uiInteract.mjs';
import { benchLoads } from './lib/uiLoad.mjs';

/** @typedef {import('./lib/report.mjs').Results} Results */

const quick = process.argv.includes('--quick');
const mdPath = join(ROOT, 'bench', 'results.md');
const jsonPath = join(ROOT, 'bench', 'results.json');

if (process.argv.includes('--report')) {
  /** @type {Results} */
  const saved = JSON.parse(readFileSync(jsonPath, 'utf8'));
  // The budgets judged again from the saved figures, as the budgets may have changed since.
  const { loads, interaction, peer, cli } = saved;
  saved.budgets = checkBudgets({ loads, interaction, peer: peer.figures, cli });
  writeFileSync(mdPath, await renderMarkdown(saved, mdPath));
  process.stdout.write('rewrote bench/results.md from bench/results.json\n');
  process.exit(0);
}

const started = performance.now();
/** @param {string} line */
const log = (line) => process.stdout.write(`${line}\n`);
/** @type {Record<string, number>} */
const sectionS = {};

/**
 * Runs one section, logging and timing it.
 * @template T
 * @param {string} name
 * @param {() => Promise<T> | T} body
 * @returns {Promise<T>}
 */
async function section(name, body) {
  log(`${name}…`);
  const t = performance.now();
  const result = await body();
  sectionS[name] = (performance.now() - t) / 1000;
  return result;
}

/** @returns {string} the commit measured, with `-dirty` when the tree has changes */
function commit() {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

const playwrightVersion = JSON.parse(
  readFileSync(join(ROOT, 'node_modules', '@playwright', 'test', 'package.json'), 'utf8'),
).version;
const machine = describeMachine(playwrightVersion);
const loadStart = loadavg();

const prepared = await section('inputs', () => prepareInputs(log));
const { render } = prepared;
// `--inputs a,b`: only these inputs, to try a change to the bench on a few (figures not kept).
const pickAt = process.argv.indexOf('--inputs');
const picked = pickAt === -1 ? null : (process.argv[pickAt + 1] ?? '').split(',');
const inputs = picked ? prepared.inputs.filter((i) => picked.includes(i.id)) : prepared.inputs;
if (quick) {
  for (const input of inputs) {
    input.browserRuns = Math.min(input.browserRuns, 1);
    input.coreRuns = Math.min(input.coreRuns, 1);
    input.peerRuns = Math.min(input.peerRuns, 1);
  }
}

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt === -1 ? null : process.argv[onlyAt + 1];
if (only !== null && only !== 'cli') {
  process.stderr.write(`--only takes cli (the command line and the notebook), not ${only}\n`);
  process.exit(2);
}
if (only === 'cli') {
  // The command line and the notebook, side by side; every other figure kept from the last run.
  /** @type {Results} */
  const saved = JSON.parse(readFileSync(jsonPath, 'utf8'));
  await section('build', () => ensureCliBuilt(log));
  const peer = await section('peer', async () => {
    const available = ensurePeer(log);
    return { available, figures: available ? await benchPeer(inputs, log) : [] };
  });
  const cli = await section('cli', () => benchCli(inputs, log, peer.available));
  /** @type {Results} */
  const results = {
    ...saved,
    generatedAt: new Date().toISOString(),
    commit: commit(),
    othersFrom: saved.othersFrom ?? { generatedAt: saved.generatedAt, commit: saved.commit },
    loadAverage: { start: loadStart, end: loadavg() },
    peer,
    cli,
  };
  results.budgets = checkBudgets({ ...saved, peer: peer.figures, cli });
  writeFileSync(mdPath, await renderMarkdown(results, mdPath));
  writeFileSync(jsonPath, await renderJson(results, jsonPath));
  log('\nwrote the notebook and `haymap render` figures into bench/results.md and results.json');
  for (const c of cli) {
    if (c.notebookMs !== undefined) {
      log(
        `  ${c.id}: haymap render ${(c.notebookMs / c.e2eMs).toFixed(1)}x faster than the notebook`,
      );
    }
  }
  process.exit(0);
}

await section('build', async () => {
  ensureAppBuilt(log);
  ensureCliBuilt(log);
  log(`  core bundled for Node in ${((await buildCore()) / 1000).toFixed(1)} s`);
});
const bundle = await section('bundle', () => measureBundle());
// pandas runs beside the UI loads of the tables (ABAB), so it must be there before the browser.
const peerAvailable = await section('peer check', () => ensurePeer(log));

const { loads, interaction, firstVisit } = await section('browser', async () => {
  const server = await serveStatic(DIST_COPY, {
    '/__floor/papaparse.min.js': PAPAPARSE,
    '/__floor/': FLOOR_DIR,
  });
  const browser = await launchBrowser();
  try {
    machine.chromium = browser.version();
    const browserSession = await browser.newBrowserCDPSession();
    const firstVisit = await observeFirstVisit(browser, server.url);
    const loads = await benchLoads(browser, browserSession, server.url, inputs, log, {
      pandas: peerAvailable,
    });
    const interaction = await benchInteraction(browser, server.url, render, log);
    return { loads, interaction, firstVisit };
  } finally {
    await browser.close();
    await server.close();
  }
});

const core = await section('core', () => benchCoreInputs(inputs, log));
const coreFixtures = await section('fixtures', () => benchCoreFixtures(log));

const peer = await section('peer', async () => ({
  available: peerAvailable,
  figures: peerAvailable
    ? await benchPeer(
        inputs,
        log,
        loads.flatMap((l) => (l.notebook ? [l.notebook] : [])),
      )
    : [],
}));
const cli = await section('cli', () => benchCli(inputs, log, peerAvailable));

/** @type {Results} */
const results = {
  generatedAt: new Date().toISOString(),
  durationS: (performance.now() - started) / 1000,
  commit: commit(),
  machine,
  loadAverage: { start: loadStart, end: loadavg() },
  sectionS,
  inputs,
  loads,
  interaction,
  core,
  coreFixtures,
  bundle,
  firstVisit,
  peer,
  cli,
  budgets: checkBudgets({ loads, interaction, peer: peer.figures, cli }),
};

writeFileSync(mdPath, await renderMarkdown(results, mdPath));
writeFileSync(jsonPath, await renderJson(results, jsonPath));
log(
  `\nwrote bench/results.md and bench/results.json in ${(results.durationS / 60).toFixed(1)} min`,
);
for (const b of results.budgets)
  log(
    `  ${b.holds ? '✓' : '✗'} ${b.what}: ${b.shown}, ${b.against}, ${b.ratioShown} (${b.budget})`,
  );
