/**
 * The one answer shape of the core: whatever reads untrusted input (a file, a CSV, a share
 * link) returns a `Result` and never throws at its caller. On success it carries its fields;
 * on failure the reason in the user's words and, where the input has lines, the line.
 */

/** Why something could not be read. */
export interface Problem {
  ok: false;
  reason: string;
  /** 1-based line where the problem is, where the input has lines. */
  line?: number;
}

/** Success with the fields of `T`, or a {@link Problem} with the fields of `F`. */
export type Result<T extends object, F extends object = object> =
  ({ ok: true } & T) | (Problem & F);

/** A problem, with its line only when there is one (so results compare equal in tests). */
export function problem(reason: string, line?: number): Problem {
  return line === undefined ? { ok: false, reason } : { ok: false, reason, line };
}
