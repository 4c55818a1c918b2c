// The bench's inputs: what each is, how often each is run where, and writing them (seeded)
// into bench/out/inputs, reusing files a previous run wrote from the same generators.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { writeLargeCsv } from '../../scripts/make-large-csv.mjs';
import { CLAUDE_LIKE_REPEATS } from '../../scripts/lib/synth.mjs';
import { writeClaudeLikeFolder } from '../../scripts/write-fixture-folder.mjs';
import {
  CELLS,
  writeGenericJsonl,
  writeGkamradtFolder,
  writeGkamradtV2Jsonl,
  writeModelsCsv,
  writeModelTidyCsv,
} from './generate.mjs';
import { OUT_DIR } from './paths.mjs';

/**
 * @typedef {'folder' | 'csv' | 'jsonl' | 'v2'} PeerKind how the notebook reads an input
 */

/**
 * @typedef {'read' | 'papaparse' | 'jsonl'} FloorMode what the bare page (`bench/floor/`) does
 *   with the same files in its worker: only read their text, or read and run raw papaparse, or
 *   read, split lines and `JSON.parse` each
 */

/**
 * @typedef {object} InputSpec
 * @property {string} id short name, also the file or folder name
 * @property {string} label what it is, in the results
 * @property {'folder' | 'file'} kind picked with the folder input or the file input
 * @property {string} formatId the format the app should read it as
 * @property {number} rows trials (records) in it
 * @property {number} browserRuns loads through the UI (a fresh page each)
 * @property {number} coreRuns parse + aggregate runs in Node
 * @property {number} peerRuns notebook runs (0: not run)
 * @property {PeerKind} peerKind
 * @property {FloorMode | null} floor the bare page's work, one floor run after each UI load
 * @property {boolean} pandas whether `peer/pandas_table.py` (read_csv + pivot_table) runs after
 *   each UI load
 * @property {boolean} [notebookBeside] whether the notebook runs after each UI load (ABAB, for
 *   the budget held against it) rather than `peerRuns` times in the peer section
 */

/**
 * @typedef {InputSpec & { path: string, bytes: number, files: number, trials: number, cells: number }} Input
 * An input as written: `trials` and `cells` are what a correct heatmap shows.
 */

/** Where inputs are written. */
const INPUT_DIR = join(OUT_DIR, 'inputs');

/** Models of the re-render page, and trials per cell each. */
const RENDER_MODELS = 8;
const RENDER_REPEATS = 2;

/** @type {InputSpec[]} */
const INPUTS = [
  {
    id: 'gkamradt-1376',
    label: 'gkamradt v1 folder, 1,376 files (Claude 2.1 layout: 35 x 35, 151 cells twice)',
    kind: 'folder',
    formatId: 'gkamradt-v1',
    rows: CELLS + CLAUDE_LIKE_REPEATS,
    browserRuns: 7,
    coreRuns: 7,
    peerRuns: 5,
    peerKind: 'folder',
    floor: 'read',
    pandas: false,
    notebookBeside: true,
  },
  {
    id: 'gkamradt-12250',
    label: 'gkamradt v1 folder, 12,250 files (35 x 35 x 10)',
    kind: 'folder',
    formatId: 'gkamradt-v1',
    rows: CELLS * 10,
    browserRuns: 3,
    coreRuns: 3,
    peerRuns: 3,
    peerKind: 'folder',
    floor: 'read',
    pandas: false,
  },
  {
    id: 'tidy-model-1m.csv',
    label: 'tidy CSV `model,context_length,depth_percent,score`, 1M rows, one model',
    kind: 'file',
    formatId: 'tidy-csv',
    rows: 1_000_000,
    browserRuns: 5,
    coreRuns: 3,
    peerRuns: 3,
    peerKind: 'csv',
    floor: 'papaparse',
    pandas: true,
  },
  {
    id: 'tidy-10k.csv',
    label: 'tidy CSV with needle, expected, response, 10k rows',
    kind: 'file',
    formatId: 'tidy-csv',
    rows: 10_000,
    browserRuns: 5,
    coreRuns: 7,
    peerRuns: 3,
    peerKind: 'csv',
    floor: null,
    pandas: false,
  },
  {
    id: 'tidy-100k.csv',
    label: 'tidy CSV with needle, expected, response, 100k rows',
    kind: 'file',
    formatId: 'tidy-csv',
    rows: 100_000,
    browserRuns: 3,
    coreRuns: 5,
    peerRuns: 3,
    peerKind: 'csv',
    floor: null,
    pandas: false,
  },
  {
    id: 'tidy-1m.csv',
    label: 'tidy CSV with needle, expected, response, 1M rows',
    kind: 'file',
    formatId: 'tidy-csv',
    rows: 1_000_000,
    browserRuns: 3,
    coreRuns: 3,
    peerRuns: 3,
    peerKind: 'csv',
    floor: 'papaparse',
    pandas: true,
  },
  {
    id: 'generic-1m.jsonl',
    label: 'generic JSONL, 1M rows',
    kind: 'file',
    formatId: 'generic',
    rows: 1_000_000,
    browserRuns: 3,
    coreRuns: 3,
    peerRuns: 1,
    peerKind: 'jsonl',
    floor: 'jsonl',
    pandas: false,
  },
  {
    id: 'gkamradt-v2-100k.jsonl',
    label: 'gkamradt v2 JSONL, 100k rows',
    kind: 'file',
    formatId: 'gkamradt-v2',
    rows: 100_000,
    browserRuns: 3,
    coreRuns: 3,
    peerRuns: 1,
    peerKind: 'v2',
    floor: 'jsonl',
    pandas: false,
  },
];

/** The tidy CSV of several models the re-render and hover figures are taken on. */
const RENDER_INPUT_ID = 'models-8.csv';

/** Bumped when a generator changes what it writes in a way the sources' hash would miss. */
const GENERATION = 1;

/** @returns {string} a hash of the generators' sources: inputs are rewritten when they change */
function generatorsHash() {
  const hash = createHash('sha256').update(String(GENERATION));
  for (const file of [
    join(import.meta.dirname, 'generate.mjs'),
    join(import.meta.dirname, '..', '..', 'scripts', 'lib', 'synth.mjs'),
    join(import.meta.dirname, '..', '..', 'scripts', 'make-large-csv.mjs'),
    join(import.meta.dirname, '..', '..', 'scripts', 'write-fixture-folder.mjs'),
  ]) {
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * @typedef {{ bytes: number, files: number, trials: number }} Written
 */

/**
 * Writes one input.
 * @param {string} id
 * @param {string} path
 * @returns {Promise<Written>}
 */
async function write(id, path) {
  switch (id) {
    case 'gkamradt-1376': {
      rmSync(path, { recursive: true, force: true });
      const written = writeClaudeLikeFolder(path);
      const bytes = written.reduce((sum, file) => sum + statSync(file).size, 0);
      return { bytes, files: written.length, trials: written.length };
    }
    case 'gkamradt-12250': {
      rmSync(path, { recursive: true, force: true });
      const { files, bytes } = writeGkamradtFolder(path, 10);
      return { bytes, files, trials: files };
    }
    case 'tidy-10k.csv':
    case 'tidy-100k.csv':
    case 'tidy-1m.csv': {
      const rows = { 'tidy-10k.csv': 10_000, 'tidy-100k.csv': 100_000, 'tidy-1m.csv': 1_000_000 }[
        id
      ];
      const written = await writeLargeCsv(path, rows);
      return { bytes: written.bytes, files: 1, trials: rows };
    }
    case 'tidy-model-1m.csv': {
      const bytes = await writeModelTidyCsv(path, 1_000_000);
      return { bytes, files: 1, trials: 1_000_000 };
    }
    case 'generic-1m.jsonl': {
      const bytes = await writeGenericJsonl(path, 1_000_000);
      return { bytes, files: 1, trials: 1_000_000 };
    }
    case 'gkamradt-v2-100k.jsonl': {
      const { bytes, failedCalls } = await writeGkamradtV2Jsonl(path, 100_000);
      return { bytes, files: 1, trials: 100_000 - failedCalls };
    }
    case RENDER_INPUT_ID: {
      const bytes = writeModelsCsv(path, RENDER_MODELS, RENDER_REPEATS);
      return { bytes, files: 1, trials: RENDER_MODELS * CELLS * RENDER_REPEATS };
    }
    default:
      throw new Error(`no generator for input ${id}`);
  }
}

/**
 * Writes every input that is missing or was written by other generators, and describes them.
 * @param {(line: string) => void} log
 * @returns {Promise<{ inputs: Input[], render: Input }>}
 */
export async function prepareInputs(log) {
  mkdirSync(INPUT_DIR, { recursive: true });
  const manifestPath = join(INPUT_DIR, 'manifest.json');
  const hash = generatorsHash();
  /** @type {Record<string, Written & { hash: string }>} */
  let manifest = {};
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    manifest = {};
  }
  /** @type {InputSpec} */
  const renderSpec = {
    id: RENDER_INPUT_ID,
    label: `tidy CSV, ${RENDER_MODELS} models x 35 x 35 cells x ${RENDER_REPEATS} trials`,
    kind: 'file',
    formatId: 'tidy-csv',
    rows: RENDER_MODELS * CELLS * RENDER_REPEATS,
    browserRuns: 0,
    coreRuns: 0,
    peerRuns: 0,
    peerKind: 'csv',
    floor: null,
    pandas: false,
  };
  /** @type {Input[]} */
  const all = [];
  for (const spec of [...INPUTS, renderSpec]) {
    const path = join(INPUT_DIR, spec.id);
    let entry = manifest[spec.id];
    if (!entry || entry.hash !== hash || !existsSync(path)) {
      const started = performance.now();
      const written = await write(spec.id, path);
      entry = { ...written, hash };
      manifest[spec.id] = entry;
      writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      log(
        `  wrote ${spec.id}: ${written.files} file(s), ${(written.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } else {
      log(`  reusing ${spec.id} (${(entry.bytes / 1e6).toFixed(1)} MB)`);
    }
    all.push({
      ...spec,
      path,
      bytes: entry.bytes,
      files: entry.files,
      trials: entry.trials,
      cells: CELLS * (spec.id === RENDER_INPUT_ID ? RENDER_MODELS : 1),
    });
  }
  const render = all.pop();
  if (!render) throw new Error('the render input is missing');
  return { inputs: all, render };
}
