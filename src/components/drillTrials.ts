import { hasFacet } from '../core/facets';
import type { Run, Trial } from '../core/types';
import type { DrillTarget } from '../state/types';

/**
 * The kept trials of the drilled cell: the same length, and its depth or its task, and of the
 * small multiple it was opened in.
 */
export function trialsOfCell(run: Run, target: DrillTarget, task: string | null): Trial[] {
  const { within } = target;
  return run.details.filter(
    (trial) =>
      trial.lengthTokens === target.lengthTokens &&
      (!within || hasFacet(trial, within.field, within.value)) &&
      (typeof target.row === 'number'
        ? trial.depthPercent === target.row && (task === null || trial.task === task)
        : trial.depthPercent === null && (trial.task ?? run.name) === target.row),
  );
}

/** Whether a trial's texts (needle, answer, response, file, model, task) contain `query`. */
export function matchesQuery(trial: Trial, query: string): boolean {
  if (query === '') return true;
  const haystack = [
    trial.needle,
    trial.expected,
    trial.response,
    trial.source.file,
    trial.model,
    trial.task,
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  return haystack.includes(query.toLowerCase());
}
