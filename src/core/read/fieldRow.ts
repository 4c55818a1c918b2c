import type { FlatValue } from '../types';

/** A record keyed by column, as the general readers make it. */
export type FlatRecord = Record<string, FlatValue>;

/**
 * One record of a table as the fast readers see it: its fields by column index, still in the
 * text they came in, so a reader that knows its columns takes numbers and names straight from
 * the text and makes no record. Reused from row to row: read it within the callback.
 */
export interface FieldRow {
  /** The 1-based line the record is on. */
  readonly line: number;
  /** The fields' column names, by index (the header, or the keys of a JSON line). */
  readonly columns: readonly string[];
  /**
   * Field `i` as a number when it is written plainly (see `plainNumber`), exactly what the
   * general reader would read from it; NaN when it is not, or there is no such field.
   */
  number(i: number): number;
  /**
   * Whether field `i` is text that the general reader would give as it is (no decimal comma
   * to rewrite, no JSON escape), and equal to `text`; false for anything else.
   */
  sameText(i: number, text: string): boolean;
  /** Field `i` as the general reader gives it when it is such text; null otherwise. */
  plainText(i: number): string | null;
  /** The whole record as the general reader makes it (for rows the fast path does not take). */
  record(): FlatRecord;
}
