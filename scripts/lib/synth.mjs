// Deterministic generators of synthetic needle-in-a-haystack (NIAH) results.
//
// Everything here is pure: the same seed gives the same bytes, on any machine, so the
// files written from it (test fixtures, the app's example files) can be regenerated and
// diffed. None of it is a real model result.

/**
 * @typedef {{ name: string, text: string }} NamedFile
 * A file to write: its base name and its full text.
 */

/**
 * @typedef {object} GkamradtTrial
 * One gkamradt v1 result object (the fields of a `*_results.json` file).
 * @property {string} model
 * @property {number} context_length
 * @property {number} depth_percent
 * @property {number} version
 * @property {string} needle
 * @property {string} model_response
 * @property {number} score
 * @property {number} [test_duration_seconds]
 * @property {string} [test_timestamp_utc]
 * @property {string} [file_name]
 */

/**
 * @typedef {object} TidyRow
 * One row of the EasyContext-style tidy CSV sample.
 * @property {string} model
 * @property {number} context_length
 * @property {number} depth_percent
 * @property {number} score
 * @property {string} needle
 * @property {string} expected
 * @property {string} response
 */

// ---------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------

/**
 * Mulberry32: a small, fast 32-bit PRNG.
 * @param {number} seed any integer (taken modulo 2^32)
 * @returns {() => number} a function returning floats in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Rounds to the nearest integer, ties to even, like numpy's `rint` / `np.round`.
 * @param {number} x
 * @returns {number}
 */
export function roundHalfEven(x) {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * `np.round(x, decimals)`: scale, round half to even, unscale (numpy's own algorithm).
 * @param {number} x
 * @param {number} decimals
 * @returns {number}
 */
export function npRound(x, decimals) {
  const scale = 10 ** decimals;
  return roundHalfEven(x * scale) / scale;
}

/**
 * `np.linspace(a, b, n)` (endpoint included; computed as numpy does: start + i * step, the
 * last value set to `b` exactly).
 * @param {number} a
 * @param {number} b
 * @param {number} n
 * @returns {number[]}
 */
export function linspace(a, b, n) {
  if (n <= 0) return [];
  if (n === 1) return [a];
  const step = (b - a) / (n - 1);
  const out = Array.from({ length: n }, (_, i) => i * step + a);
  out[n - 1] = b;
  return out;
}

/**
 * `np.round(np.linspace(a, b, n)).astype(int)`: rounding half to even, as numpy does.
 * @param {number} a
 * @param {number} b
 * @param {number} n
 * @returns {number[]}
 */
export function linspaceInt(a, b, n) {
  return linspace(a, b, n).map(roundHalfEven);
}

/**
 * gkamradt's sigmoid depth sweep: for x in `np.linspace(0, 100, n)`, 0 and 100 stay as they
 * are, anything else becomes `np.round(L / (1 + np.exp(-k * (x - x0))), 3)` with L = 100,
 * x0 = 50, k = 0.1. With n = 35 this is the Claude 2.1 sweep 0, 0.896, 1.199 ... 99.104, 100.
 * @param {number} [n]
 * @returns {number[]}
 */
export function sigmoidDepths(n = 35) {
  const L = 100;
  const x0 = 50;
  const k = 0.1;
  return linspace(0, 100, n).map((x) =>
    x === 0 || x === 100 ? x : npRound(L / (1 + Math.exp(-k * (x - x0))), 3),
  );
}

/**
 * Self-check of the sweeps against values computed with numpy; throws when one is off.
 * The CLI scripts run it before writing anything.
 * @returns {void}
 */
export function checkSynth() {
  const d = sigmoidDepths(35);
  /** @type {Array<[string, unknown, unknown]>} */
  const checks = [
    ['sigmoidDepths(35).length', d.length, 35],
    ['sigmoidDepths(35)[0]', d[0], 0],
    ['sigmoidDepths(35)[1]', d[1], 0.896],
    ['sigmoidDepths(35)[2]', d[2], 1.199],
    ['sigmoidDepths(35)[17]', d[17], 50],
    ['sigmoidDepths(35)[33]', d[33], 99.104],
    ['sigmoidDepths(35)[34]', d[34], 100],
    ['linspaceInt(1000, 200000, 35)[1]', linspaceInt(1000, 200000, 35)[1], 6853],
    [
      'linspaceInt(0, 5, 11) (ties to even)',
      linspaceInt(0, 5, 11).join(','),
      '0,0,1,2,2,2,3,4,4,4,5',
    ],
  ];
  for (const [what, got, want] of checks) {
    if (got !== want)
      throw new Error(`synth self-check: ${what} is ${String(got)}, want ${String(want)}`);
  }
}

/**
 * Picks an item by weight.
 * @template T
 * @param {() => number} rand
 * @param {ReadonlyArray<readonly [T, number]>} weighted pairs of (item, weight)
 * @returns {T}
 */
function pick(rand, weighted) {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of weighted) {
    r -= w;
    if (r < 0) return item;
  }
  const last = weighted[weighted.length - 1];
  if (!last) throw new Error('pick: nothing to pick from');
  return last[0];
}

/**
 * A random integer in [lo, hi].
 * @param {() => number} rand
 * @param {number} lo
 * @param {number} hi
 * @returns {number}
 */
function randInt(rand, lo, hi) {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

/** @param {number} x @returns {number} */
function logistic(x) {
  return 1 / (1 + Math.exp(-x));
}

// ---------------------------------------------------------------------------------------
// Python-compatible JSON text
// ---------------------------------------------------------------------------------------

/**
 * A float as Python's `repr` writes it (and hence `json.dump`): shortest round-trip digits,
 * always with a decimal point or an exponent (`100.0`, `0.896`, `1e-05`, `1e+16`).
 * @param {number} x
 * @returns {string}
 */
export function pyFloatRepr(x) {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', expText = '0'] = x.toExponential().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fracPart = digits.slice(exp + 1);
  return `${sign}${intPart}.${fracPart === '' ? '0' : fracPart}`;
}

/**
 * A string as Python's `json.dumps` writes it (ensure_ascii: non-ASCII as `\uXXXX`).
 * @param {string} s
 * @returns {string}
 */
function pyJsonString(s) {
  return JSON.stringify(s).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Serialises like Python's `json.dumps(value, indent=indent)`. JavaScript has one number
 * type, so numbers under a key in `floatKeys` are written as Python floats (`100.0`), all
 * others as they are.
 * @param {unknown} value
 * @param {{ indent?: number, floatKeys?: ReadonlySet<string> }} [options]
 * @returns {string}
 */
export function pythonJsonDumps(value, options = {}) {
  const { indent, floatKeys = new Set() } = options;
  /**
   * @param {unknown} v
   * @param {string | null} key
   * @param {number} level
   * @returns {string}
   */
  const dump = (v, key, level) => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') {
      if (key !== null && floatKeys.has(key)) return pyFloatRepr(v);
      if (!Number.isInteger(v)) return pyFloatRepr(v);
      return String(v);
    }
    if (typeof v === 'string') return pyJsonString(v);
    /** @type {string[]} */
    let parts;
    let open;
    let close;
    if (Array.isArray(v)) {
      parts = v.map((item) => dump(item, null, level + 1));
      [open, close] = ['[', ']'];
    } else if (typeof v === 'object') {
      parts = Object.entries(v).map(
        ([k, item]) => `${pyJsonString(k)}: ${dump(item, k, level + 1)}`,
      );
      [open, close] = ['{', '}'];
    } else {
      throw new TypeError(`pythonJsonDumps: cannot serialise a ${typeof v}`);
    }
    if (parts.length === 0) return open + close;
    if (indent === undefined) return open + parts.join(', ') + close;
    const inner = '\n' + ' '.repeat(indent * (level + 1));
    const outer = '\n' + ' '.repeat(indent * level);
    return open + inner + parts.join(',' + inner) + outer + close;
  };
  return dump(value, null, 0);
}

/** Keys that gkamradt v1 writes as Python floats. */
const GKAMRADT_FLOAT_KEYS = new Set(['depth_percent', 'test_duration_seconds']);

// ---------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------

/**
 * One CSV field, quoted when it has to be (RFC 4180).
 * @param {string | number} v
 * @returns {string}
 */
export function csvField(v) {
  const s = String(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A CSV text with a header row, `\n` line ends and a final newline.
 * @param {readonly string[]} header
 * @param {ReadonlyArray<ReadonlyArray<string | number>>} rows
 * @returns {string}
 */
export function toCsv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------
// gkamradt v1, Claude 2.1-like folder
// ---------------------------------------------------------------------------------------

/** The gkamradt needle, verbatim (with its surrounding newlines). */
export const SF_NEEDLE =
  '\nThe best thing to do in San Francisco is eat a sandwich and sit in Dolores Park on a sunny day.\n';

const SF_CORRECT = [
  'The best thing to do in San Francisco is eat a sandwich and sit in Dolores Park on a sunny day.',
  'According to the text, the best thing to do in San Francisco is to eat a sandwich and sit in Dolores Park on a sunny day.',
  'Eat a sandwich and sit in Dolores Park on a sunny day.',
];
const SF_PARTIAL = [
  'The text says the best thing to do in San Francisco is to sit in Dolores Park on a sunny day.',
  'Eating a sandwich in Dolores Park is described as the best thing to do in San Francisco.',
];
const SF_WRONG = [
  'Unfortunately, the essay does not explicitly state what the best thing to do in San Francisco is.',
  "I'm sorry, but I could not find any mention of the best thing to do in San Francisco in the provided documents.",
  'The documents do not contain information about the best thing to do in San Francisco.',
  'The best thing to do in San Francisco is to visit the Golden Gate Bridge.',
  'Based on the context, the best thing to do in San Francisco is to start a startup.',
  'The essays discuss startups and programming; they say little about San Francisco beyond living there.',
];

/**
 * A response text that fits the score: a correct one from 7 up, else a refusal or a wrong
 * answer.
 * @param {() => number} rand
 * @param {number} score
 * @returns {string}
 */
function sfResponse(rand, score) {
  const pool = score === 10 ? SF_CORRECT : score >= 7 ? SF_PARTIAL : SF_WRONG;
  return pool[Math.floor(rand() * pool.length)] ?? '';
}

/**
 * Draws a 1..10 judge score: a failure (1, 3 or 5) with probability `pFail`, else a pass that
 * is a 7 with probability `pSeven` and a 10 otherwise.
 * @param {() => number} rand
 * @param {number} pFail
 * @param {number} pSeven
 * @returns {number}
 */
function judgeScore(rand, pFail, pSeven) {
  if (rand() < pFail) {
    return pick(rand, [
      [1, 0.45],
      [3, 0.35],
      [5, 0.2],
    ]);
  }
  return rand() < pSeven ? 7 : 10;
}

/**
 * Failure probability shaped like the Claude 2.1 figure: almost none below ~60K tokens,
 * rising steeply past ~100K, worst in a band around 20..60% depth, the very top row and the
 * bottom rows much better.
 * @param {number} length
 * @param {number} depth percent
 * @returns {number}
 */
function claudeLikeFailure(length, depth) {
  const lengthPressure = logistic((length - 115000) / 18000);
  let depthFactor = 0.1 + 0.9 * Math.exp(-(((depth - 35) / 24) ** 2));
  if (depth < 1) depthFactor *= 0.3;
  return Math.min(0.97, 0.004 + 0.93 * lengthPressure * depthFactor);
}

/**
 * The gkamradt v1 `file_name` stem: `<model>_len_<L>_depth_<int(D*100)>`. The depth part is
 * truncated, as gkamradt's `int(depth_percent*100)` does (the original Claude files are named
 * `..._depth_119_...` for depth 1.199).
 * @param {string} model
 * @param {number} length
 * @param {number} depth
 * @returns {string}
 */
export function gkamradtStem(model, length, depth) {
  return `${model}_len_${length}_depth_${Math.trunc(depth * 100)}`;
}

/**
 * `YYYY-MM-DD HH:MM:SS+0000`, the format of gkamradt's `test_timestamp_utc`
 * (`strftime('%Y-%m-%d %H:%M:%S%z')` on a UTC datetime).
 * @param {number} ms epoch milliseconds
 * @returns {string}
 */
function gkamradtTimestamp(ms) {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ') + '+0000';
}

/** Number of tests in the Claude-like folder: 35 x 35 cells, then this many second repeats. */
export const CLAUDE_LIKE_REPEATS = 151;

/**
 * A Claude 2.1-like gkamradt v1 results folder: 1,376 per-test files, one JSON object each,
 * written as Python's `json.dump(results, f, indent=4)` would. 35 lengths
 * (`linspaceInt(1000, 200000, 35)`) x 35 sigmoid depths = 1,225 first repeats (`"version": 1`),
 * then 151 distinct cells (drawn with the PRNG) run a second time (`"version": 2`, file names
 * with `_2` before `_results.json`). Scores on the 1..10 judge scale degrade with length and
 * are worst at middle depths at long lengths.
 * @param {number} [seed]
 * @returns {NamedFile[]} first repeats in (length, depth) order, then the second repeats
 */
export function claudeLikeFolder(seed = 7) {
  checkSynth();
  const rand = mulberry32(seed);
  const model = 'claude-2.1';
  const lengths = linspaceInt(1000, 200000, 35);
  const depths = sigmoidDepths(35);

  /** @type {Array<[number, number]>} */
  const cells = [];
  for (const length of lengths) for (const depth of depths) cells.push([length, depth]);

  // 151 distinct cells for the second repeat: a partial Fisher-Yates shuffle.
  const order = cells.map((_, i) => i);
  for (let i = 0; i < CLAUDE_LIKE_REPEATS; i++) {
    const j = i + Math.floor(rand() * (order.length - i));
    const a = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = a;
  }
  const repeated = order.slice(0, CLAUDE_LIKE_REPEATS).sort((a, b) => a - b);

  /** @type {NamedFile[]} */
  const files = [];
  let clock = Date.UTC(2023, 10, 21, 14, 0, 0);
  /**
   * @param {number} length
   * @param {number} depth
   * @param {number} version
   */
  const runOne = (length, depth, version) => {
    const pFail = claudeLikeFailure(length, depth);
    const score = judgeScore(rand, pFail, 0.02 + 0.4 * pFail);
    const duration = 1.5 + (length / 200000) * 38 + rand() * 6;
    clock += Math.round(duration * 1000) + 250;
    const stem = gkamradtStem(model, length, depth) + (version > 1 ? `_${version}` : '');
    /** @type {GkamradtTrial} */
    const trial = {
      model,
      context_length: length,
      depth_percent: depth,
      version,
      needle: SF_NEEDLE,
      model_response: sfResponse(rand, score),
      score,
      test_duration_seconds: duration,
      test_timestamp_utc: gkamradtTimestamp(clock),
      file_name: stem,
    };
    files.push({
      name: `${stem}_results.json`,
      text: pythonJsonDumps(trial, { indent: 4, floatKeys: GKAMRADT_FLOAT_KEYS }),
    });
  };

  for (const [length, depth] of cells) runOne(length, depth, 1);
  clock = Date.UTC(2023, 10, 22, 9, 0, 0);
  for (const i of repeated) {
    const cell = cells[i];
    if (cell) runOne(cell[0], cell[1], 2);
  }

  const names = new Set(files.map((f) => f.name));
  if (names.size !== files.length) throw new Error('claudeLikeFolder: duplicate file names');
  return files;
}

// ---------------------------------------------------------------------------------------
// App samples
// ---------------------------------------------------------------------------------------

/** Model name of the EasyContext-style sample. */
export const GRADIENT_LIKE_MODEL = 'Llama-3-70B-Instruct-Gradient-524k (synthetic)';

/** Column order of the EasyContext-style tidy CSV. */
export const TIDY_HEADER = /** @type {const} */ ([
  'model',
  'context_length',
  'depth_percent',
  'score',
  'needle',
  'expected',
  'response',
]);

/**
 * Trials shaped like the NIAH evaluation on the model card of Gradient's Llama-3 70B Instruct
 * 524K (EasyContext `eval_needle.py` with lengths 100..640000 step 32000, depth step 0.2,
 * 2 samples, 7-digit numbers): 20 lengths x 6 depths x 2 samples = 240 trials, exact-match
 * score 0 or 1. Nearly all pass; the few misses cluster at the longest lengths.
 * @param {number} [seed]
 * @returns {TidyRow[]}
 */
export function gradientLikeTrials(seed = 524) {
  const rand = mulberry32(seed);
  /** @type {TidyRow[]} */
  const rows = [];
  for (let length = 100; length < 640000; length += 32000) {
    for (const depth of [0, 20, 40, 60, 80, 100]) {
      // A per-cell difficulty, so that the two samples of a hard cell tend to miss together.
      const past = Math.max(0, (length - 300000) / 308100);
      const hard = rand() < 0.35 * past * past;
      const pMiss = past === 0 ? 0 : hard ? 0.75 : 0.02 + 0.08 * past;
      for (let sample = 0; sample < 2; sample++) {
        const expected = String(randInt(rand, 1000000, 9999999));
        const miss = rand() < pMiss;
        rows.push({
          model: GRADIENT_LIKE_MODEL,
          context_length: length,
          depth_percent: depth,
          score: miss ? 0 : 1,
          needle: `The special magic number is ${expected}.`,
          expected,
          response: miss ? wrongNumberResponse(rand, expected) : expected,
        });
      }
    }
  }
  return rows;
}

/**
 * A miss of the magic-number task: a near-miss number, a truncated one, or prose (with a comma
 * and quotes, which the CSV must quote).
 * @param {() => number} rand
 * @param {string} expected
 * @returns {string}
 */
function wrongNumberResponse(rand, expected) {
  const kind = Math.floor(rand() * 3);
  if (kind === 0) {
    const i = randInt(rand, 1, expected.length - 1);
    const d = (Number(expected[i]) + randInt(rand, 1, 9)) % 10;
    return expected.slice(0, i) + String(d) + expected.slice(i + 1);
  }
  if (kind === 1) return expected.slice(0, randInt(rand, 3, 5));
  return 'The book mentions a "special magic number", but I cannot find its value.';
}

/**
 * The sample EasyContext-style tidy CSV text.
 * @param {number} [seed]
 * @returns {string}
 */
export function gradientLikeCsv(seed = 524) {
  const rows = gradientLikeTrials(seed);
  return toCsv(
    TIDY_HEADER,
    rows.map((r) => TIDY_HEADER.map((k) => r[k])),
  );
}

/** Context lengths of the checkpoint samples (powers of two and their midpoints). */
export const CHECKPOINT_LENGTHS = [
  2048, 4096, 8192, 16384, 32768, 65536, 98304, 131072, 196608, 262144, 393216, 524288,
];

/** Depths of the checkpoint samples: gkamradt's linear sweep of 11. */
export const CHECKPOINT_DEPTHS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

/** The three training stages: file stem, model name, training length. */
export const CHECKPOINT_STAGES = /** @type {const} */ ([
  { file: 'stage-65k', model: 'llama-3-8b-long stage 65K', trainLength: 65536 },
  { file: 'stage-262k', model: 'llama-3-8b-long stage 262K', trainLength: 262144 },
  { file: 'stage-524k', model: 'llama-3-8b-long stage 524K', trainLength: 524288 },
]);

/**
 * Failure probability of a checkpoint trained to `trainLength`: low noise up to it (a little
 * more near it), then a fast rise with log2(length / trainLength), worst at middle depths.
 * @param {number} length
 * @param {number} depth
 * @param {number} trainLength
 * @returns {number}
 */
function checkpointFailure(length, depth, trainLength) {
  const ratio = length / trainLength;
  if (ratio <= 1) return 0.02 + 0.05 * ratio ** 4;
  const over = logistic((Math.log2(ratio) - 0.55) * 5);
  const depthFactor = 0.7 + 0.3 * Math.sin((Math.PI * depth) / 100);
  return Math.min(0.98, 0.05 + 0.93 * over * depthFactor);
}

/**
 * One gkamradt v1 JSON array (A-Roucher style) per training stage of one model, all on the
 * same sweep (12 lengths x 11 depths, one trial per cell), scores on the 1..10 scale.
 * @param {number} [seed]
 * @returns {Array<{ file: string, model: string, trainLength: number, trials: GkamradtTrial[] }>}
 */
export function checkpointStages(seed = 8192) {
  return CHECKPOINT_STAGES.map((stage, s) => {
    const rand = mulberry32(seed + 1000 * s);
    /** @type {GkamradtTrial[]} */
    const trials = [];
    for (const length of CHECKPOINT_LENGTHS) {
      for (const depth of CHECKPOINT_DEPTHS) {
        const pFail = checkpointFailure(length, depth, stage.trainLength);
        const score = judgeScore(rand, pFail, 0.03 + 0.3 * pFail);
        trials.push({
          model: stage.model,
          context_length: length,
          depth_percent: depth,
          version: 1,
          needle: SF_NEEDLE,
          model_response: sfResponse(rand, score),
          score,
        });
      }
    }
    return { ...stage, trials };
  });
}

/**
 * The checkpoint sample files: `<stage>.json`, each a JSON array written as Python's
 * `json.dump(results, f, indent=4)` would.
 * @param {number} [seed]
 * @returns {NamedFile[]}
 */
export function checkpointFiles(seed = 8192) {
  return checkpointStages(seed).map(({ file, trials }) => ({
    name: `${file}.json`,
    text: pythonJsonDumps(trials, { indent: 4, floatKeys: GKAMRADT_FLOAT_KEYS }) + '\n',
  }));
}
