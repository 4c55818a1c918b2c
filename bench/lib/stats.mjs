// Small numeric helpers shared by the bench modules.

/**
 * The median of some numbers (the mean of the middle two for an even count); NaN for none.
 * @param {readonly number[]} values
 * @returns {number}
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/**
 * The median of a field of some objects, skipping those where it is missing.
 * @template T
 * @param {readonly T[]} items
 * @param {(item: T) => number | null | undefined} pick
 * @returns {number}
 */
export function medianOf(items, pick) {
  /** @type {number[]} */
  const values = [];
  for (const item of items) {
    const v = pick(item);
    if (typeof v === 'number' && Number.isFinite(v)) values.push(v);
  }
  return median(values);
}

/**
 * The largest of a field of some objects, NaN when none has it.
 * @template T
 * @param {readonly T[]} items
 * @param {(item: T) => number | null | undefined} pick
 * @returns {number}
 */
export function maxOf(items, pick) {
  let best = NaN;
  for (const item of items) {
    const v = pick(item);
    if (typeof v === 'number' && Number.isFinite(v) && !(v <= best)) best = v;
  }
  return best;
}

/** Bytes in a megabyte as throughputs here count them (10^6, like network and disk rates). */
export const MB = 1e6;
