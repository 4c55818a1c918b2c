import type { RunDraft } from '../core/types';
import type { Run } from '../core/types';

let nextRunId = 1;
let nextBatchId = 1;

/** `name`, or `name (2)`, `name (3)` ... when a run already has that name. */
export function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  let i = 2;
  while (taken.includes(`${name} (${i})`)) i += 1;
  return `${name} (${i})`;
}

/** Drafts as runs with fresh ids, each named apart from `taken` and from each other. */
export function namedRuns(drafts: readonly RunDraft[], taken: readonly string[]): Run[] {
  const names = [...taken];
  return drafts.map((draft) => {
    const name = uniqueName(draft.name, names);
    names.push(name);
    return { ...draft, name, id: `run-${nextRunId++}` };
  });
}

/** A fresh batch id. */
export function newBatchId(): number {
  return nextBatchId++;
}
