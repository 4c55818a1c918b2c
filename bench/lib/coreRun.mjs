// Child process of the core bench: reads one input into memory, then times parse + aggregate
// through the bundled core (BatchLoader, as the worker drives it) `runs` times, and prints the
// figures as one line of JSON. A process per input keeps heaps and JIT state apart, like the
// fresh worker of each browser load.
//
//   node bench/lib/coreRun.mjs '<json: { core, path, kind, runs, formatId? }>'
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {object} CoreRequest
 * @property {string} core path of the bundled core
 * @property {string} path a file or a folder
 * @property {'folder' | 'file'} kind
 * @property {number} runs
 * @property {string} [formatId] read as this format instead of detecting one
 * @property {string} [sourcePath] the path the file is read under (formats that read the
 *   folder names: RULER); its base name by default
 */

/**
 * @typedef {object} CoreRunResult
 * @property {number} ms parse + aggregate, texts already in memory
 * @property {number} cpuMs CPU time of the process meanwhile (user + system, all threads)
 * @property {number} records records read
 * @property {number} trials trials in the runs
 * @property {number} cells cells in the runs
 * @property {string[]} formats formats the files were read as
 * @property {string[]} errors the first errors, as the app would list them
 */

/**
 * The core's API as the bench uses it (the bundle is plain JS).
 * @typedef {object} Loader
 * @property {(source: unknown, choice?: { formatId?: string }) => Promise<unknown>} add
 * @property {() => { runs: Array<{ trialCount: number, cells: unknown[] }>, errors: Array<{ file: string, line?: number, reason: string }>, formats: Array<{ format: string }> }} finish
 * @property {number} recordsRead
 */

/** @type {CoreRequest} */
const request = JSON.parse(process.argv[2] ?? '{}');
/** @type {{ BatchLoader: new () => Loader, textSource: (path: string, text: string) => unknown }} */
const core = await import(pathToFileURL(request.core).href);

/** @type {Array<{ path: string, text: string }>} */
const texts =
  request.kind === 'folder'
    ? readdirSync(request.path)
        .sort()
        .map((name) => ({
          path: `${basename(request.path)}/${name}`,
          text: readFileSync(join(request.path, name), 'utf8'),
        }))
    : [
        {
          path: request.sourcePath ?? basename(request.path),
          text: readFileSync(request.path, 'utf8'),
        },
      ];
const bytes =
  request.kind === 'folder'
    ? readdirSync(request.path).reduce(
        (sum, name) => sum + statSync(join(request.path, name)).size,
        0,
      )
    : statSync(request.path).size;

/** @type {CoreRunResult[]} */
const runs = [];
for (let run = 0; run < request.runs; run += 1) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const loader = new core.BatchLoader();
  const choice = request.formatId === undefined ? {} : { formatId: request.formatId };
  for (const { path, text } of texts) await loader.add(core.textSource(path, text), choice);
  const result = loader.finish();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  runs.push({
    ms,
    cpuMs: (used.user + used.system) / 1000,
    records: loader.recordsRead,
    trials: result.runs.reduce((sum, r) => sum + r.trialCount, 0),
    cells: result.runs.reduce((sum, r) => sum + r.cells.length, 0),
    formats: [...new Set(result.formats.map((f) => f.format))],
    errors: result.errors
      .slice(0, 3)
      .map((e) => `${e.file}${e.line === undefined ? '' : `:${e.line}`}: ${e.reason}`),
  });
}
process.stdout.write(`${JSON.stringify({ bytes, runs })}\n`);
