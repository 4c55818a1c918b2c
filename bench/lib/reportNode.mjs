// results.md: the sections of the core in Node, the bundle and the notebook peer.
import { inputLabel, kb, mb, ms, num, seconds, table, times } from './format.mjs';

/** @typedef {import('./report.mjs').Results} Results */

/** @param {Results} r */
export function coreSection(r) {
  const worker = (/** @type {string} */ id) => r.loads.find((l) => l.id === id && l.correct);
  const rows = r.core.map((c) => [
    c.formatId
      ? `${inputLabel(r.inputs, c.id)}, read as \`${c.formatId}\` (chosen)`
      : inputLabel(r.inputs, c.id),
    c.formats.join(', ') || `✗ ${c.errors[0] ?? 'nothing read'}`,
    mb(c.bytes),
    c.runs,
    ms(c.medianMs),
    ms(c.firstMs),
    ms(c.cpuMs),
    c.trials > 0 ? num(c.mbPerS, 1) : '—',
    c.trials > 0 ? num(c.rowsPerS) : '—',
    !c.formatId && c.trials > 0 ? num(worker(c.id)?.workerMBps, 1) : '—',
  ]);
  const fixtures = r.coreFixtures.map((c) => [
    `\`${c.id}\``,
    c.formats.join(', ') || `✗ ${c.errors[0] ?? ''}`,
    num(c.bytes),
    num(c.records),
    num(c.medianMs * 1000),
    num(c.mbPerS, 1),
  ]);
  return [
    '## The core alone in Node',
    '',
    `\`src/core\` bundled for Node by Vite (Rolldown) into \`bench/out/core/core.mjs\`, driven like the worker drives it (\`BatchLoader.add\` per file, then \`finish\`), texts already in memory (no file reading or decoding), 1 MiB chunks. One child process per input; the first run is cold (JIT), the median is over all runs; CPU is the process's user + system time (all threads, GC included), steadier than wall time when other processes compete. Node ${r.machine.node}.`,
    '',
    table(
      [
        'Input',
        'Read as',
        'Size',
        'Runs',
        'Median',
        'First run',
        'CPU (median)',
        'MB/s',
        'Rows/s',
        'Worker MB/s (browser)',
      ],
      rows,
    ),
    '',
    'The format fixtures of `e2e/fixtures/formats` (small files: this is the fixed cost per file of each reader, detection included), median of many runs:',
    '',
    table(['Fixture', 'Read as', 'Bytes', 'Records', 'µs per file', 'MB/s'], fixtures),
  ].join('\n');
}

/** @param {Results} r */
export function bundleSection(r) {
  const b = r.bundle;
  if (!b) return '## Production bundle\n\nNot measured.';
  const fetched = new Set(r.firstVisit);
  const code = b.assets.filter((a) => a.kind === 'js' || a.kind === 'css' || a.kind === 'other');
  const group = (/** @type {'font' | 'map'} */ kind) => {
    const list = b.assets.filter((a) => a.kind === kind);
    const seen = list.filter((a) => fetched.has(a.file));
    return [
      kind === 'font' ? `${list.length} font files (Inter)` : `${list.length} source maps`,
      kind,
      kb(list.reduce((s, a) => s + a.bytes, 0)),
      kb(list.reduce((s, a) => s + a.gzipBytes, 0)),
      list[0]?.loaded ?? '',
      kind === 'font'
        ? `CSS @font-face; a first visit fetched ${seen.length}: ${seen.map((a) => `\`${a.file}\``).join(', ') || 'none'}`
        : 'devtools only',
    ];
  };
  return [
    '## Production bundle',
    '',
    '`dist/assets` after `npm run build`; gzip is zlib level 9. "initial": referenced by `dist/index.html` or statically imported from it (transitively); "lazy": only behind `import()`; "worker": the loader worker, started by the first load.',
    '',
    table(
      ['File', 'Kind', 'Raw', 'Gzip', 'Loaded', 'How', 'Fetched on a first visit'],
      [
        ...code.map((a) => [
          `\`${a.file}\``,
          a.kind,
          kb(a.bytes),
          kb(a.gzipBytes),
          a.loaded,
          a.why,
          fetched.has(a.file) ? 'yes' : 'no',
        ]),
        ...[group('font'), group('map')].map((row) => [...row, '']),
      ],
    ),
    '',
    `Initial JavaScript: ${kb(b.initialJsBytes)} raw, **${kb(b.initialJsGzipBytes)} gzipped** (plus ${kb(b.initialCssGzipBytes)} of CSS); with the worker a first load starts, ${kb(b.firstLoadJsGzipBytes)} gzipped.`,
  ].join('\n');
}

/** @param {Results} r */
export function peerSection(r) {
  if (!r.peer.available)
    return '## Haymap vs the notebook\n\nThe peer could not run (no pandas/seaborn).';
  const rows = r.peer.figures.map((p) => {
    const load = r.loads.find((l) => l.id === p.id);
    const ok = load?.correct === true;
    return [
      inputLabel(r.inputs, p.id),
      ok ? ms(load?.loadMs) : `✗ not read`,
      `${seconds(p.e2eMs)} (${p.runs})`,
      ok && load ? times(p.e2eMs / load.loadMs) : '—',
      seconds(p.warmMs),
      ok && load ? times(p.warmMs / load.loadMs) : '—',
      seconds(p.importMs),
      seconds(p.readMs),
      seconds(p.cpuMs),
      num(p.cells),
    ];
  });
  return [
    '## Haymap vs the notebook',
    '',
    '`bench/peer/notebook.py` (Debian\'s pandas and seaborn): read the folder (`json.load` per file) or the table with pandas, score / 10 for gkamradt\'s 1..10 scale, `pivot_table(index="depth_percent", columns="context_length", values="score", aggfunc="mean")`, `sns.heatmap` with the classic colour map, `savefig` PNG. "Process to PNG" runs from spawning `/usr/bin/python3` to the PNG written (the time the script prints after `savefig`); "warm kernel" is the script\'s own read + pivot + plot + save, as in a notebook that already imported pandas and seaborn; "CPU" is the script\'s CPU time (`time.process_time()`, imports included). Ratios are the notebook\'s time over Haymap\'s `haymap:load` (above 1: Haymap is faster).',
    '',
    table(
      [
        'Input',
        'Haymap `haymap:load`',
        'Notebook, process to PNG (runs)',
        'Ratio',
        'Notebook, warm kernel',
        'Ratio (warm)',
        'Notebook imports',
        'Notebook read',
        'Notebook CPU',
        'Cells',
      ],
      rows,
    ),
  ].join('\n');
}

/** @param {Results} r */
export function cliSection(r) {
  const figures = r.cli ?? [];
  if (figures.length === 0) return '## `haymap render` vs the notebook\n\nNot measured.';
  const rows = figures.map((c) => {
    const p = r.peer.figures.find((f) => f.id === c.id);
    const notebook = c.notebookMs;
    return [
      inputLabel(r.inputs, c.id),
      `${seconds(c.e2eMs)} (${c.runs}; ${seconds(c.minMs)}–${seconds(c.maxMs)})`,
      `${c.width} × ${c.height}`,
      notebook === undefined ? '—' : `${seconds(notebook)} (${c.notebookRuns ?? 0})`,
      notebook === undefined ? '—' : `**${times(notebook / c.e2eMs)}**`,
      p ? `${seconds(p.e2eMs)} (${p.runs}): ${times(p.e2eMs / c.e2eMs)}` : '—',
      p ? times(p.warmMs / c.e2eMs) : '—',
    ];
  });
  return [
    '## `haymap render` vs the notebook',
    '',
    "`node cli/bin.mjs render <input> -o out.png` (the command line, `dist-cli/`): read the input with the app's readers, render the figure the app exports (React on the server) and draw it as a PNG with resvg, a folder's files read on one thread fewer than the machine has cores (one on two cores). Each input is run once untimed first, which fills the compile cache (the notebook's Python has its modules' bytecode cached likewise). Timed from spawning `node` to the PNG written (the file's modification time), as the notebook is timed to its PNG written, each process's exit after that left out of both; both in this run on the same inputs. Each render is followed by one notebook run (ABAB), and the ratio is the notebook's median over the command line's from those runs taken in turn (above 1: the command line is faster), so a drift of the machine's speed between sections weighs on both. The notebook section's own runs, minutes apart, are shown beside for reference; \"warm\" compares the notebook's warm-kernel time with the whole command-line process.",
    '',
    table(
      [
        'Input',
        '`haymap render` to PNG (runs; min–max)',
        'PNG px',
        'Notebook in turn, process to PNG (runs)',
        'Ratio',
        'Notebook section (runs): ratio',
        'Ratio (warm kernel)',
      ],
      rows,
    ),
  ].join('\n');
}
