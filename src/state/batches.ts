import type { BatchResult } from '../core/types';
import type { LoadError } from '../core/types';
import type { Batch, ShownError, Store } from './types';
import { namedRuns } from './runNaming';

let nextErrorId = 1;

/** Problems as shown, each with an id to dismiss it by. */
export function shown(errors: LoadError[], batchId?: number): ShownError[] {
  return errors.map((error) => ({ ...error, id: nextErrorId++, batchId }));
}

/**
 * Content fingerprints of the files behind the runs shown now, with their paths, so a drop
 * of the same content is skipped; the batch `except` (being re-read) leaves its own out.
 */
export function knownFiles(batches: readonly Batch[], except?: number): Record<string, string> {
  const known: Record<string, string> = {};
  for (const batch of batches) {
    if (batch.id === except || batch.runIds.length === 0) continue;
    for (const f of batch.formats) if (f.fingerprint) known[f.fingerprint] = f.file;
  }
  return known;
}

/** The notice for files skipped as already loaded, or null when none was. */
export function duplicatesNotice(result: BatchResult): string | null {
  const duplicates = result.duplicates ?? [];
  if (duplicates.length === 0) return null;
  const said = duplicates.map((d) => `${d.file} (same content as ${d.sameAs})`).join(', ');
  return `Already loaded, so skipped: ${said}.`;
}

type BatchState = Pick<Store, 'runs' | 'batches' | 'errors' | 'pendingMappings'>;

/**
 * The store after a batch's result: its runs in place of those it made before (a re-read keeps
 * their place in the order), its errors in place of its old ones, its unmapped files queued.
 */
export function applyBatch(state: BatchState, batch: Batch, result: BatchResult): BatchState {
  const kept = state.runs.filter((r) => !batch.runIds.includes(r.id));
  const added = namedRuns(
    result.runs,
    kept.map((r) => r.name),
  );
  const at = state.runs.findIndex((r) => batch.runIds.includes(r.id));
  const runs =
    at === -1 ? [...kept, ...added] : [...kept.slice(0, at), ...added, ...kept.slice(at)];
  const updated: Batch = { ...batch, runIds: added.map((r) => r.id), formats: result.formats };
  const pending = result.unmapped.flatMap((unmapped) => {
    const picked = batch.files.find((f) => f.path === unmapped.file);
    return picked ? [{ ...unmapped, batchId: batch.id, picked }] : [];
  });
  return {
    runs,
    batches: [...state.batches.filter((b) => b.id !== batch.id), updated].sort(
      (a, b) => a.id - b.id,
    ),
    errors: [
      ...state.errors.filter((e) => e.batchId !== batch.id),
      ...shown(result.errors, batch.id),
    ],
    pendingMappings: [...state.pendingMappings, ...pending],
  };
}
