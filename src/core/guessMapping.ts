import { inferScale, toFiniteNumber } from './normalize';
import { toScore } from './read/table';
import { BOOKKEEPING, nameRank, words, type NumericRole, type TextRole } from './columnNames';
import type { ColumnMapping, DepthUnit, FlatValue, TableSample } from './types';

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
