/** 10^k for k = 0..22: every one a double exactly, so m / 10^k rounds once, as `Number` does. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Significant digits a double holds exactly as an integer (10^15 < 2^53). */
const MAX_DIGITS = 15;

/**
 * The number written in `text` from `start` to `end` when it is written plainly: an optional
 * sign, digits, an optional decimal point and digits (`12`, `-0.896`, `.5`, `7.`), at most 15
 * digits in all; NaN for anything else (spaces, exponents, `Infinity`, words, empty text).
 * Where it gives a number, it is exactly `Number(text.slice(start, end))`: a mantissa below
 * 2^53 divided by an exact power of ten is correctly rounded (Clinger's fast path), as
 * `Number` is. Callers read anything else the general way; no string is made here.
 */
export function plainNumber(text: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  let c = i < end ? text.charCodeAt(i) : 0;
  if (c === 45 || c === 43) {
    negative = c === 45;
    i += 1;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let point = false;
  for (; i < end; i += 1) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits += 1;
      if (point) decimals += 1;
    } else if (c === 46 && !point) point = true;
    else return NaN;
  }
  if (digits === 0 || digits > MAX_DIGITS) return NaN;
  const value = decimals === 0 ? mantissa : mantissa / (POWERS_OF_TEN[decimals] ?? NaN);
  return negative ? -value : value;
}
