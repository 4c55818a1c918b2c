import { coordinateProblem, toFiniteNumber, type CoordinateOptions } from '../../normalize';
import { itemPrefix } from '../../read/json';
import type { FileReading } from './reading';

/** A value as a message shows it: its JSON, or `missing`. */
export function given(value: unknown): string {
  return JSON.stringify(value) ?? 'missing';
}

/** Where a record is, for messages: its index in a JSON array (from 0, -1 for a lone object) or its line. */
export interface RecordPlace {
  index?: number;
  line?: number;
}

/**
 * The checks on the fields of one record: each failed check skips the record with its reason,
 * prefixed `item N: ` for the elements of a JSON array, at the record's line.
 */
export class RecordCheck {
  /** `item 3: ` for the third element of an array, else nothing. */
  readonly where: string;

  constructor(
    private readonly reading: FileReading,
    readonly place: RecordPlace = {},
  ) {
    this.where = itemPrefix(place.index);
  }

  /** Skips the record; returns null so a check can `return check.skip(...)`. */
  skip(kind: string, detail: string): null {
    this.reading.skip(kind, this.where + detail, this.place.line);
    return null;
  }

  /** A finite number, or null after skipping with `<name> <value> is not a number` (or `detail`). */
  number(name: string, value: unknown, detail?: string): number | null {
    const number = toFiniteNumber(value);
    if (number === null)
      this.skip(`nan-${name}`, detail ?? `${name} ${given(value)} is not a number`);
    return number;
  }

  /**
   * A count of at least 1 (samples, needles), or null after skipping with `<name> <value> is
   * not a count` (or `detail`). The count must be a safe integer: 1e308 is an integer to
   * JavaScript, but two of them sum to Infinity and the cell's mean to NaN.
   */
  count(name: string, value: unknown, detail?: string): number | null {
    const number = toFiniteNumber(value);
    if (number !== null && Number.isSafeInteger(number) && number >= 1) return number;
    return this.skip(name, detail ?? `${name} ${given(value)} is not a count`);
  }

  /**
   * Whether a (length, depth) can go on the grid; skips the record when not. `options` is the
   * producer's opt-in beyond the usual coordinates (a length of 0 for "no filler").
   */
  placed(lengthTokens: number, depthPercent: number | null, options?: CoordinateOptions): boolean {
    const problem = coordinateProblem(lengthTokens, depthPercent, options);
    if (problem) this.skip(problem.kind, problem.detail);
    return problem === null;
  }

  /** Whether `score` lies in 0..`top`; skips the record with `<name> <score> is outside 0..top` when not. */
  inRange(name: string, score: number, top: number): boolean {
    const inside = score >= 0 && score <= top;
    if (!inside) this.skip('score-range', `${name} ${score} is outside 0..${top}`);
    return inside;
  }
}
