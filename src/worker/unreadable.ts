import type { LoadError } from '../core/types';
import { MAX_FILE_BYTES } from './protocol';

/**
 * The error of a file that threw while it was read (the browser's or Node's own message), as
 * the app's loader and the command line both word it.
 */
export function unreadable(path: string, error: unknown): LoadError {
  const why = error instanceof Error ? error.message : String(error);
  return { file: path, reason: `could not be read (${why})` };
}

/** A file past {@link MAX_FILE_BYTES}, refused unread, as the app's loader and the command line both word it. */
export function tooLarge(path: string, size: number): LoadError {
  const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);
  return {
    file: path,
    reason: `too large to load (${megabytes(size)} MB; the limit is ${megabytes(MAX_FILE_BYTES)} MB)`,
  };
}
