/**
 * Small type guards for data Haymap wrote itself and reads back from outside (share links and
 * files, the browser's saved copy): nothing inside is trusted until one of these has said yes.
 */
import type { Problem, Result } from '../../result';

/** A value checked at the boundary, or why it was refused. */
export type Checked<T> = Result<{ value: T }>;

/** A checked value. */
export function accept<T>(value: T): Checked<T> {
  return { ok: true, value };
}

/** A refusal, with a reason in the user's words. */
export function refuse(reason: string): Problem {
  return { ok: false, reason };
}

/**
 * A whole count, at least `min`: a safe integer, so NaN, infinities and numbers too large to
 * count exactly (1e300) are refused.
 */
export function isCount(value: unknown, min = 0): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/** A finite number within min..max. */
export function isNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/**
 * Text of at most `maxChars` characters. Only its length is bounded: it stays text, shown as
 * such (React escapes it), so markup in a name is harmless.
 */
export function isText(value: unknown, maxChars: number): value is string {
  return typeof value === 'string' && value.length <= maxChars;
}

/** A list of at most `maxItems` texts of at most `maxChars` characters each. */
export function isTextList(value: unknown, maxItems: number, maxChars: number): value is string[] {
  return (
    Array.isArray(value) && value.length <= maxItems && value.every((v) => isText(v, maxChars))
  );
}

/** A list whose items are still unknown. */
export function isList(value: unknown): value is unknown[] {
  return Array.isArray(value);
}
