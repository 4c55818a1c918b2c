/** What a typed threshold was read as: a fraction 0..1 and, when it was rescaled, why. */
export type FractionReading =
  { ok: true; value: number; note: string | null } | { ok: false; note: string };

/**
 * Reads a threshold in the scale the user thinks in: 0..1 as it is, a number above 1 up to
 * 10 as a 1..10 score (7 -> 0.7), above 10 up to 100 as a 0..100 score (70 -> 0.7). Scores
 * are kept as 0..1 whatever their file's scale, so these are the same thresholds.
 */
export function readFraction(text: string): FractionReading {
  const trimmed = text.trim();
  const typed = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(typed) || typed < 0 || typed > 100) {
    return { ok: false, note: 'Type a score: 0..1, or on a 1..10 or 0..100 scale' };
  }
  if (typed <= 1) return { ok: true, value: typed, note: null };
  const [top, scale] = typed <= 10 ? [10, '1..10'] : [100, '0..100'];
  const value = Math.round((typed / top) * 1e6) / 1e6;
  return { ok: true, value, note: `${trimmed} on a ${scale} scale, read as ${value}` };
}
