import { inferScale, toFiniteNumber } from './normalize';
import { toScore } from './read/table';
import type { ColumnMapping, DepthUnit, FlatValue, TableSample } from './types';

type NumericRole = 'length' | 'depth' | 'score';
type TextRole = 'model' | 'task' | 'needle' | 'response' | 'expected';

/** Column names per role, best first, compared as {@link nameKey} writes them. */
const SYNONYMS: Record<NumericRole | TextRole, readonly string[]> = {
  length: [
    'context_length',
    'tokens',
    'ctx_len',
    'context',
    'length',
    'seq_len',
    'max_length',
    'token_limit',
    'context_len',
    'ctx_length',
    'ctx',
    'context_size',
    'context_tokens',
    'context_length_tokens',
    'length_tokens',
    'num_tokens',
    'n_tokens',
    'sequence_length',
    'seq_length',
    'input_length',
    'haystack_length',
  ],
  depth: [
    'depth_percent',
    'depth',
    'needle_depth',
    'depth_ratio',
    'position',
    'needle_position',
    'insertion',
    'target_depth_percent',
    'document_depth',
    'depth_pct',
    'needle_depth_percent',
    'depth_fraction',
    'insertion_depth',
    'insertion_percentage',
    'position_percent',
    'relative_position',
  ],
  score: [
    'score',
    'accuracy',
    'acc',
    'correct',
    'is_correct',
    'passed',
    'pass',
    'success',
    'exact_match',
    'em',
    'correctness',
    'match',
    'hit',
    'recall',
  ],
  model: ['model', 'model_name', 'model_id', 'run', 'run_name', 'llm'],
  task: ['task', 'task_name', 'task_type', 'dataset', 'subset', 'benchmark'],
  needle: ['needle', 'needles', 'needle_text'],
  response: [
    'response',
    'model_response',
    'pred',
    'prediction',
    'output',
    'model_output',
    'completion',
    'generation',
    'answer',
  ],
  expected: [
    'expected',
    'expected_answer',
    'target',
    'gold',
    'label',
    'answer',
    'outputs',
    'reference',
    'ground_truth',
  ],
};

/** Words that make a name look like a numeric role when no synonym matches it whole. */
const KEYWORDS: Record<NumericRole, readonly string[]> = {
  length: ['length', 'len', 'tokens', 'token', 'ctx', 'context'],
  depth: ['depth', 'position', 'insertion', 'placement'],
  score: ['score', 'accuracy', 'acc', 'correct', 'passed', 'pass', 'success', 'em', 'match'],
};

/** Words that rule a name out as a length (`response_length` is not the context length). */
const NOT_LENGTH = ['needle', 'response', 'answer', 'output', 'prompt', 'question', 'duration'];

/** Words of bookkeeping columns, never guessed from their values alone (a seed fits 0..100). */
const BOOKKEEPING = [
  'index',
  'idx',
  'id',
  'seed',
  'version',
  'repeat',
  'sample',
  'trial',
  'unnamed',
  'row',
  'duration',
  'seconds',
  'time',
  'timestamp',
  'cost',
];

/** A name's words: lower case, `%` read as "percent", split at anything not a letter or digit. */
function words(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/%/g, ' percent ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function nameKey(name: string): string {
  return words(name).join('_');
}

/**
 * How well a column's name fits a role, lower is better, null when not at all: the whole name
 * a synonym, then one part of a flattened name (`config.ctx`), then a keyword among its words.
 */
function nameRank(column: string, role: NumericRole | TextRole): number | null {
  const synonyms = SYNONYMS[role];
  const whole = synonyms.indexOf(nameKey(column));
  if (whole >= 0) return whole;
  const parts = column.split('.').map(nameKey);
  if (parts.length > 1) {
    const part = Math.min(...parts.map((p) => synonyms.indexOf(p)).filter((i) => i >= 0));
    if (Number.isFinite(part)) return 100 + part;
  }
  if (role === 'length' || role === 'depth' || role === 'score') {
    const ws = words(column);
    if (role === 'length' && ws.some((w) => NOT_LENGTH.includes(w))) return null;
    if (ws.some((w) => KEYWORDS[role].includes(w))) return 200;
  }
  return null;
}

type Fit = 'fits' | 'misfit' | 'empty';

/** A column's values in the sample, blanks left out. */
function sampled(sample: TableSample, column: string): FlatValue[] {
  return sample.rows.map((row) => row[column] ?? null).filter((v) => v !== null && v !== '');
}

/** Whether a column's sampled values fit a role; `empty` when the sample has none. */
function fit(sample: TableSample, column: string, role: NumericRole): Fit {
  const values = sampled(sample, column);
  if (values.length === 0) return 'empty';
  const ok = values.every((value) => {
    if (role === 'score') return toScore(value) !== null;
    const number = toFiniteNumber(value);
    if (number === null) return false;
    return role === 'length'
      ? Number.isInteger(number) && number >= 100
      : number >= 0 && number <= 100;
  });
  if (!ok) return 'misfit';
  if (role !== 'score') return 'fits';
  const scores = values.map(toScore).filter((s) => s !== null);
  return inferScale(Math.min(...scores), Math.max(...scores)) ? 'fits' : 'misfit';
}

interface Pick {
  column: string;
  byName: boolean;
  fits: boolean;
}

/**
 * Guesses which columns hold length, depth, score ... from names and from values (length:
 * positive integers >= 100; depth: 0..100 or 0..1; score: numbers in a known scale or
 * booleans). `confident` is true only when length and score (and depth, unless no column is
 * named like a depth) were found by name and their values fit. A role nothing fits is `''`
 * (length, score) or null.
 */
export function guessMapping(sample: TableSample): { mapping: ColumnMapping; confident: boolean } {
  const used = new Set<string>();
  const free = () => sample.columns.filter((c) => !used.has(c));
  const byName = (role: NumericRole | TextRole): string[] =>
    free()
      .map((column, order) => ({ column, order, rank: nameRank(column, role) }))
      .filter((c): c is { column: string; order: number; rank: number } => c.rank !== null)
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .map((c) => c.column);

  const take = (pick: Pick | null): Pick | null => {
    if (pick) used.add(pick.column);
    return pick;
  };
  const pickByName = (role: NumericRole): Pick | null => {
    const named = byName(role).map((column) => ({ column, fit: fit(sample, column, role) }));
    const fitting = named.find((c) => c.fit === 'fits');
    if (fitting) return take({ column: fitting.column, byName: true, fits: true });
    const unsampled = named.find((c) => c.fit === 'empty');
    return unsampled ? take({ column: unsampled.column, byName: true, fits: false }) : null;
  };
  const pickByValues = (role: NumericRole): Pick | null => {
    const fitting = free().filter(
      (c) => !words(c).some((w) => BOOKKEEPING.includes(w)) && fit(sample, c, role) === 'fits',
    );
    const best = fitting.sort((a, b) => preference(sample, b, role) - preference(sample, a, role));
    return best[0] ? take({ column: best[0], byName: false, fits: true }) : null;
  };

  const length = pickByName('length');
  const depthNamed = byName('depth').length > 0;
  const depth = pickByName('depth');
  const score = pickByName('score');
  const lengthPick = length ?? pickByValues('length');
  // A table whose length and score are named but that names no depth has none (RULER-like).
  const depthPick =
    depth ?? (!depthNamed && length?.fits && score?.fits ? null : pickByValues('depth'));
  const scorePick = score ?? pickByValues('score');

  const text = (role: TextRole): string | null => {
    const column = byName(role)[0] ?? null;
    if (column !== null) used.add(column);
    return column;
  };
  const model = text('model');
  const task = text('task');
  const needle = text('needle');
  // Response before expected: a file with `response` and `answer` holds the expected answer in
  // `answer` (LWM); one with `answer` alone, the response.
  const response = text('response');
  const expected = text('expected');
  const mapping: ColumnMapping = {
    length: lengthPick?.column ?? '',
    depth: depthPick?.column ?? null,
    depthUnit: depthPick ? depthUnitOf(sample, depthPick.column) : 'auto',
    score: scorePick?.column ?? '',
    scoreScale: 'auto',
    model,
    task,
    needle,
    response,
    expected,
  };
  const sure = (pick: Pick | null | undefined) => Boolean(pick?.byName && pick.fits);
  const confident = sure(length) && sure(score) && (depthNamed ? sure(depth) : depthPick === null);
  return { mapping, confident };
}

/**
 * Among columns whose values fit, which is likeliest: the most distinct values for a length or
 * a depth; for a score, booleans first, then the smallest scale.
 */
function preference(sample: TableSample, column: string, role: NumericRole): number {
  const values = sampled(sample, column);
  if (role !== 'score') return new Set(values.map(String)).size;
  if (values.every((v) => typeof v === 'boolean' || /^(true|false)$/i.test(String(v)))) return 3;
  const top = Math.max(...values.map((v) => toScore(v) ?? 0));
  return top <= 1 ? 2 : top <= 10 ? 1 : 0;
}

/**
 * The unit of a depth column: percent when its name says so or a sampled value exceeds 1;
 * otherwise left to the whole file (`auto`), as the first rows of a percent sweep may all lie
 * in 0..1 (0, 0.896 ...).
 */
function depthUnitOf(sample: TableSample, column: string): DepthUnit {
  if (words(column).some((w) => w === 'percent' || w === 'pct')) return 'percent';
  const depths = sample.rows.map((row) => toFiniteNumber(row[column]));
  return depths.some((d) => d !== null && d > 1) ? 'percent' : 'auto';
}
