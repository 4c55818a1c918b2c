/**
 * Numbers as the words around a chart write them, the same on every machine: counts grouped
 * in thousands as en-US groups them ("12,345").
 */

/**
 * `n` as `n.toLocaleString('en-US')` writes it: a whole number grouped here, by thousands,
 * for the first use of a locale's number format loads its data (tens of milliseconds at every
 * start of the command line); anything else (fractions, beyond safe integers) by the locale.
 */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let text = digits.slice(0, digits.length % 3 || 3);
  for (let at = text.length; at < digits.length; at += 3) text += `,${digits.slice(at, at + 3)}`;
  return n < 0 ? `-${text}` : text;
}
