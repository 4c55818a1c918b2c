/**
 * Normalisation rules of the formats specification (the README lists the formats): scores to 0..1 by the top of their scale,
 * depths to percent rounded to 3 decimals, lengths to whole tokens.
 */

/** A score scale and the divisor that maps it onto 0..1. */
export interface ScoreScale {
  label: '0..1' | '1..10' | '0..100';
  top: number;
}

export const SCALE_UNIT: ScoreScale = { label: '0..1', top: 1 };
export const SCALE_TEN: ScoreScale = { label: '1..10', top: 10 };
export const SCALE_HUNDRED: ScoreScale = { label: '0..100', top: 100 };

/**
 * The smallest known scale that holds every score seen, or null when some score lies
 * outside 0..100. Used for files that do not say their scale (tidy CSV, generic tables).
 */
export function inferScale(minScore: number, maxScore: number): ScoreScale | null {
  if (minScore < 0) return null;
  if (maxScore <= 1) return SCALE_UNIT;
  if (maxScore <= 10) return SCALE_TEN;
  if (maxScore <= 100) return SCALE_HUNDRED;
  return null;
}

/** Depths compare after rounding to 3 decimals (sigmoid sweeps: 0.896, 1.199 ...). */
export function roundDepth(depthPercent: number): number {
  return Math.round(depthPercent * 1000) / 1000;
}

/**
 * Reads a number from a JSON value or a CSV field. Returns null for anything that is not a
 * finite number written as such ("", "abc", NaN, Infinity, booleans, objects).
 */
export function toFiniteNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
}

/** Why a length cannot be used, or null when it is a positive whole number of tokens. */
export function lengthProblem(lengthTokens: number): string | null {
  if (lengthTokens <= 0) return `context length ${lengthTokens} is not positive`;
  if (!Number.isInteger(lengthTokens)) {
    return `context length ${lengthTokens} is not a whole number of tokens`;
  }
  return null;
}

/** Why a depth cannot be used, or null when it lies in 0..100 percent. */
export function depthProblem(depthPercent: number): string | null {
  if (depthPercent < 0 || depthPercent > 100) {
    return `depth ${depthPercent}% is outside 0..100`;
  }
  return null;
}

/** A problem with a record, grouped by `kind` when counted. */
export interface RecordProblem {
  kind: string;
  detail: string;
}

/** What a producer allows beyond the usual coordinates. */
export interface CoordinateOptions {
  /**
   * A length of 0 is valid: the producer's "no filler" column (BABILong `0k`). Only a producer
   * that means it opts in; everywhere else 0 is a wrong column and rejected.
   */
  zeroLength?: boolean;
}

/** Why a (length, depth) pair cannot be placed on the grid, or null when it can (no depth: a length-by-task cell). */
export function coordinateProblem(
  lengthTokens: number,
  depthPercent: number | null,
  options: CoordinateOptions = {},
): RecordProblem | null {
  const zero = options.zeroLength === true && lengthTokens === 0;
  const length = zero ? null : lengthProblem(lengthTokens);
  if (length)
    return { kind: lengthTokens > 0 ? 'length-fraction' : 'length-range', detail: length };
  const depth = depthPercent === null ? null : depthProblem(depthPercent);
  if (depth) return { kind: 'depth-range', detail: depth };
  return null;
}

/** A text field, or undefined when absent or not a string/number. */
export function optionalText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
