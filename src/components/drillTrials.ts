import type { Run, Trial } from '../core/types';
import type { DrillTarget } from '../state/types';

/** The kept trials of the drilled cell: the same length, and its depth or its task. */
export function trialsOfCell(run: Run, target: DrillTarget, task: string | null): Trial[] {
  return run.details.filter(
    (trial) =>
      trial.lengthTokens === target.lengthTokens &&
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
