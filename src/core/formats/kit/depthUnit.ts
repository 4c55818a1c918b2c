/**
 * The depth-unit rule of the formats specification: a depth column that does not say percent
 * and whose values all lie in 0..1 (some above 0) holds fractions of the document, read ×100.
 */

/** Whether depths, all of them read, are fractions of the document. */
export function depthsAreFractions(depths: Iterable<number>): boolean {
  let some = false;
  for (const depth of depths) {
    if (depth < 0 || depth > 1) return false;
    some ||= depth > 0;
  }
  return some;
}

/** The note for a file whose depths were read as fractions; `column` names the column when known. */
export function fractionDepthsNote(column?: string): string {
  const which = column === undefined ? 'depths all' : `depths in ${column}`;
  return `${which} lie in 0..1: read as fractions of the document and multiplied by 100`;
}
