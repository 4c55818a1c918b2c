import { availableParallelism } from 'node:os';

/** The most threads reading inputs at once. */
export const MAX_THREADS = 8;

/**
 * Threads that read the inputs, this one included: `--threads N` (1 reads everything on this
 * thread), else one fewer than the cores the machine offers (at least 1, up to
 * {@link MAX_THREADS}); null for a value that is none of these. This thread takes every file
 * into the batch, and each thread compiles the readers for itself: on two cores a reading
 * thread made runs slower, not faster (a 1,376-file folder 470 against 442 ms).
 */
export function threadCount(value: string | undefined): number | null {
  if (value === undefined) return Math.max(1, Math.min(availableParallelism() - 1, MAX_THREADS));
  const count = Number(value);
  return Number.isInteger(count) && count >= 1 && count <= MAX_THREADS ? count : null;
}

/**
 * The threads a command line's `--threads` asks for, before its options are parsed (the
 * command checks them again, with a usage error); null for a value it refuses.
 */
export function readingThreads(args: readonly string[]): number | null {
  const at = args.findIndex((arg) => arg === '--threads' || arg.startsWith('--threads='));
  const arg = args[at];
  if (arg === undefined) return threadCount(undefined);
  return threadCount(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1]);
}
