import type { LoadError } from '../core/types';

/**
 * The error of a file that threw while it was read (the browser's or Node's own message), as
 * the app's loader and the command line both word it.
 */
export function unreadable(path: string, error: unknown): LoadError {
  const why = error instanceof Error ? error.message : String(error);
  return { file: path, reason: `could not be read (${why})` };
}
