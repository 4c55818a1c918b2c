import type { ShownError } from './types';

/** Errors that failed for the same reason, shown as one message. */
export interface ErrorGroup {
  /** The reason with the file-specific parts taken out: what the group shares. */
  key: string;
  /** The reason as the first file gave it. */
  reason: string;
  errors: ShownError[];
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A reason with what is particular to one file removed: the file's own name and path, quoted
 * values, and numbers (lines, sizes, counts), so "line 3: not valid JSON" and "line 9: not valid
 * JSON" read as one reason.
 */
export function reasonKind(error: { file: string; reason: string }): string {
  const name = error.file.split('/').pop() ?? error.file;
  let reason = error.reason;
  for (const part of new Set([error.file, name]))
    if (part !== '') reason = reason.replace(new RegExp(escaped(part), 'g'), '…');
  return reason
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '"…"')
    .replace(/\d+(?:[.,]\d+)*/g, '#')
    .trim();
}

/** Errors grouped by their reason's kind, in the order the first of each was reported. */
export function groupErrors(errors: readonly ShownError[]): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>();
  for (const error of errors) {
    const key = reasonKind(error);
    const group = groups.get(key);
    if (group) group.errors.push(error);
    else groups.set(key, { key, reason: error.reason, errors: [error] });
  }
  return [...groups.values()];
}
