import { availableParallelism } from 'node:os';

/** The most threads reading inputs at once. */
export const MAX_THREADS = 8;

/**
 * Threads that read the inputs, this one included: `--threads N` (1 reads everything on this
 * thread), else one per core the machine offers, up to {@link MAX_THREADS}; null for a value
 * that is none of these.
 */
export function threadCount(value: string | undefined): number | null {
  if (value === undefined) return Math.min(availableParallelism(), MAX_THREADS);
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
