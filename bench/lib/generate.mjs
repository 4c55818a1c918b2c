// Seeded generators of the bench's inputs that scripts/ does not already write: gkamradt v1
// folders with repeats, generic and gkamradt v2 JSONL, the four-column tidy CSV with a model
// column, and a tidy CSV of several models.
// Same seed, same bytes. Synthetic data, not a real model result.
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  gkamradtStem,
  linspaceInt,
  mulberry32,
  pythonJsonDumps,
  SF_NEEDLE,
  sigmoidDepths,
  toCsv,
  TIDY_HEADER,
} from '../../scripts/lib/synth.mjs';

/** The grid every input uses: 35 lengths (1,000 ... 200,000) x 35 sigmoid depths. */
const LENGTHS = linspaceInt(1000, 200000, 35);
const DEPTHS = sigmoidDepths(35);
export const CELLS = LENGTHS.length * DEPTHS.length;

/** Keys gkamradt v1 writes as Python floats (as scripts/lib/synth.mjs writes them). */
const GKAMRADT_FLOAT_KEYS = new Set(['depth_percent', 'test_duration_seconds']);

/** Characters gathered before each write to a stream. */
const BLOCK_CHARS = 1 << 16;

/**
 * Length and depth of cell `i` (length-major, like the files of a gkamradt sweep).
 * @param {number} i
 * @returns {[number, number]}
 */
function cellAt(i) {
  const cell = i % CELLS;
  return [LENGTHS[Math.floor(cell / DEPTHS.length)] ?? 0, DEPTHS[cell % DEPTHS.length] ?? 0];
}

/**
 * Chance that a trial fails: a familiar NIAH picture, worse with length and at middle depths.
 * `skill` shifts the length where it starts to fail (for several models of one file).
 * @param {number} length
 * @param {number} depth
 * @param {number} [skill]
 * @returns {number}
 */
function failureChance(length, depth, skill = 0) {
  const pressure = 1 / (1 + Math.exp(-(length - 110000 - skill) / 18000));
  const depthFactor = 0.3 + 0.7 * Math.exp(-(((depth - 40) / 25) ** 2));
  return Math.min(0.97, 0.01 + 0.85 * pressure * depthFactor);
}

/**
 * Writes `count` lines, `lineAt(i)` each (without its newline), to `path` in blocks.
 * @param {string} path
 * @param {number} count
 * @param {(i: number) => string} lineAt
 * @returns {Promise<number>} bytes written (every character is ASCII)
 */
async function writeLines(path, count, lineAt) {
  const out = createWriteStream(path);
  let bytes = 0;
  let block = '';
  const flush = async () => {
    bytes += block.length;
    const more = out.write(block);
    block = '';
    if (!more) await once(out, 'drain');
  };
  for (let i = 0; i < count; i += 1) {
    block += `${lineAt(i)}\n`;
    if (block.length >= BLOCK_CHARS) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return bytes;
}

/**
 * A gkamradt v1 results folder: one `<model>_len_<L>_depth_<D>[_<repeat>]_results.json` per
 * test, written as Python's `json.dump(result, f, indent=4)`, `repeats` tests per cell, scores
 * on the judge's 1..10 scale.
 * @param {string} dir created when missing
 * @param {number} repeats
 * @param {number} [seed]
 * @returns {{ files: number, bytes: number }}
 */
export function writeGkamradtFolder(dir, repeats, seed = 11) {
  mkdirSync(dir, { recursive: true });
  const rand = mulberry32(seed);
  const model = 'bench-model';
  const responses = {
    pass: 'The best thing to do in San Francisco is eat a sandwich and sit in Dolores Park on a sunny day.',
    fail: 'The documents do not say what the best thing to do in San Francisco is.',
  };
  let clock = Date.UTC(2024, 0, 1);
  let bytes = 0;
  let files = 0;
  for (let version = 1; version <= repeats; version += 1) {
    for (let i = 0; i < CELLS; i += 1) {
      const [length, depth] = cellAt(i);
      const fails = rand() < failureChance(length, depth);
      const score = fails ? ([1, 3, 5][Math.floor(rand() * 3)] ?? 1) : rand() < 0.1 ? 7 : 10;
      const duration = 1.5 + (length / 200000) * 38 + rand() * 6;
      clock += Math.round(duration * 1000);
      const stem = gkamradtStem(model, length, depth) + (version > 1 ? `_${version}` : '');
      const text = pythonJsonDumps(
        {
          model,
          context_length: length,
          depth_percent: depth,
          version,
          needle: SF_NEEDLE,
          model_response: score >= 7 ? responses.pass : responses.fail,
          score,
          test_duration_seconds: duration,
          test_timestamp_utc:
            new Date(clock).toISOString().slice(0, 19).replace('T', ' ') + '+0000',
          file_name: stem,
        },
        { indent: 4, floatKeys: GKAMRADT_FLOAT_KEYS },
      );
      writeFileSync(join(dir, `${stem}_results.json`), text);
      bytes += text.length;
      files += 1;
    }
  }
  return { files, bytes };
}

/**
 * A generic JSONL table, one trial per line: `{"context_length", "depth_percent", "score"}`,
 * score 0 or 1, row i in cell i mod 1,225.
 * @param {string} path
 * @param {number} rows
 * @param {number} [seed]
 * @returns {Promise<number>} bytes
 */
export function writeGenericJsonl(path, rows, seed = 3) {
  const rand = mulberry32(seed);
  return writeLines(path, rows, (i) => {
    const [length, depth] = cellAt(i);
    const score = rand() < failureChance(length, depth) ? 0 : 1;
    return `{"context_length": ${length}, "depth_percent": ${depth}, "score": ${score}}`;
  });
}

/**
 * The common tidy CSV a harness writes: `model,context_length,depth_percent,score`, one model,
 * score 0 or 1, row i in cell i mod 1,225, depths as Python prints them (`0.0` for 0).
 * @param {string} path
 * @param {number} rows
 * @param {number} [seed]
 * @returns {Promise<number>} bytes
 */
export function writeModelTidyCsv(path, rows, seed = 4) {
  const rand = mulberry32(seed);
  const model = 'bench-model';
  return writeLines(path, rows + 1, (i) => {
    if (i === 0) return 'model,context_length,depth_percent,score';
    const [length, depth] = cellAt(i - 1);
    const score = rand() < failureChance(length, depth) ? 0 : 1;
    return `${model},${length},${Number.isInteger(depth) ? depth.toFixed(1) : depth},${score}`;
  });
}

/**
 * A gkamradt v2 (`niah` CLI) JSONL run, fields as docs/formats.md lists them: row i is cell
 * i mod 1,225 with seed i div 1,225; about 1 % of the calls failed (`status: "error"`).
 * @param {string} path
 * @param {number} rows
 * @param {number} [seed]
 * @returns {Promise<{ bytes: number, failedCalls: number }>}
 */
export async function writeGkamradtV2Jsonl(path, rows, seed = 5) {
  const rand = mulberry32(seed);
  const start = Date.UTC(2026, 1, 3, 10);
  let failedCalls = 0;
  const bytes = await writeLines(path, rows, (i) => {
    const [length, depth] = cellAt(i);
    const index = Math.round((length * depth) / 100);
    const failedCall = rand() < 0.01;
    if (failedCall) failedCalls += 1;
    const ok = rand() >= failureChance(length, depth);
    const answer = 'mango';
    const response = ok ? `The secret fruit is a ${answer}.` : 'I cannot find a fruit in the text.';
    const score = failedCall
      ? 'null'
      : `{"value": ${ok ? '1.0' : '0.0'}, "details": {"matched": ${ok ? '1.0' : '0.0'}}}`;
    const stamp = new Date(start + i * 1000).toISOString().slice(0, 19) + 'Z';
    return (
      `{"schema_version": 2, "run_name": "bench-v2", "model_id": "bench-model", "task_type": "single", ` +
      `"context_length": ${length}, "target_depth_percent": ${depth}, "recipe": {"needle_placements": ` +
      `[{"text": "The secret fruit is a ${answer}.", "insertion_token_index": ${index}, "actual_depth_percent": ${depth}}], ` +
      `"final_context_token_count": ${length}}, "expected_answer": "${answer}", "prompt_question": "What is the secret fruit?", ` +
      `"response": ${failedCall ? 'null' : JSON.stringify(response)}, "score": ${score}, ` +
      `"usage": {"input_tokens": ${length + 20}, "output_tokens": 12}, "cost_usd": ${(length * 1e-6).toFixed(6)}, ` +
      `"duration_seconds": ${(1 + rand() * 4).toFixed(2)}, "status": "${failedCall ? 'error' : 'ok'}", ` +
      `"error": ${failedCall ? '"rate limited (429)"' : 'null'}, "seed": ${Math.floor(i / CELLS)}, "timestamp_utc": "${stamp}"}`
    );
  });
  return { bytes, failedCalls };
}

/**
 * A tidy CSV of `models` models over the 35 x 35 grid, `repeats` trials per cell each, score
 * 0, 0.4, 0.8 or 1: the page with several runs side by side that re-rendering and hovering are timed on.
 * @param {string} path
 * @param {number} models
 * @param {number} repeats
 * @param {number} [seed]
 * @returns {number} bytes
 */
export function writeModelsCsv(path, models, repeats, seed = 8) {
  const rand = mulberry32(seed);
  /** @type {Array<Array<string | number>>} */
  const rows = [];
  for (let m = 0; m < models; m += 1) {
    const model = `bench-model-${m + 1}`;
    for (let i = 0; i < CELLS * repeats; i += 1) {
      const [length, depth] = cellAt(i);
      const expected = String(1000000 + Math.floor(rand() * 9000000));
      const pass = rand() >= failureChance(length, depth, (m - 4) * 15000);
      // Graded like a judge's partial credit, so a threshold change recolours cells.
      const partial = rand() < 0.3;
      rows.push([
        model,
        length,
        depth,
        pass ? (partial ? 0.8 : 1) : partial ? 0.4 : 0,
        `magic ${expected}`,
        expected,
        pass ? expected : '0',
      ]);
    }
  }
  const text = toCsv(TIDY_HEADER, rows);
  writeFileSync(path, text);
  return text.length;
}
