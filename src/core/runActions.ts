/**
 * The run list's actions on whole runs: split a run by a field (needle count, mode, task) into
 * runs of their own, and merge runs into one. Pure: they return new runs without ids, for the
 * store to add as it adds loaded runs.
 */
import { GridAccumulator } from './aggregate';
import { facetLabel, facetRun, fieldValues } from './facets';
import { lengthUnitOf, sharedLengthUnit } from './units';
import type { Run } from './types';

/** A run before the app gives it an id. */
export type NewRun = Omit<Run, 'id'>;

/**
 * One run per value of `field` (a facet such as `needles`, or `task`), in value order, each
 * named `<run> (<field>=<value>)` and holding only that value's cells and details. Empty when
 * the run has fewer than two values of the field: there is nothing to split.
 */
export function splitRun(run: Run, field: string): NewRun[] {
  const values = fieldValues(run, field);
  if (values.length < 2) return [];
  return values.map((value) => {
    const part: NewRun & { id?: string } = {
      ...facetRun(run, field, value),
      name: `${run.name} (${facetLabel(field, value)})`,
    };
    // A new run: the store gives it an id of its own.
    delete part.id;
    return part;
  });
}

/** What merging gave: the merged run, or why the runs cannot be merged. */
export type MergeResult = { ok: true; run: NewRun } | { ok: false; reason: string };

/**
 * The runs as one: cells of the same (task, length, depth, facets) add their counts, sums and
 * score distributions; files, formats and warnings are joined. Runs whose lengths count
 * different things (tokens and frames) are never merged. The name defaults to the runs' names
 * joined by " + ".
 */
export function mergeRuns(runs: readonly Run[], name?: string): MergeResult {
  if (runs.length < 2) return { ok: false, reason: 'Merging needs at least two runs.' };
  const unit = sharedLengthUnit(runs);
  if (unit === null) {
    const units = [...new Set(runs.map(lengthUnitOf))].join(' and ');
    return { ok: false, reason: `The runs count length in different units (${units}).` };
  }
  const acc = new GridAccumulator();
  for (const run of runs) run.cells.forEach((cell) => acc.addCell(cell));
  const { cells, lengths, depths, tasks, facetValues } = acc.finish();
  const union = (pick: (run: Run) => readonly string[]) => [...new Set(runs.flatMap(pick))];
  // Bucket names (LongBench v2's "short") stay with their lengths.
  const lengthLabels: Record<number, string> = {};
  for (const run of runs) Object.assign(lengthLabels, run.lengthLabels);
  return {
    ok: true,
    run: {
      name: name ?? runs.map((run) => run.name).join(' + '),
      formats: union((run) => run.formats),
      files: union((run) => run.files),
      cells,
      lengths,
      depths,
      tasks,
      trialCount: runs.reduce((total, run) => total + run.trialCount, 0),
      details: runs.flatMap((run) => run.details),
      warnings: union((run) => run.warnings),
      lengthUnit: unit,
      ...(facetValues ? { facetValues } : {}),
      ...(Object.keys(lengthLabels).length > 0 ? { lengthLabels } : {}),
    },
  };
}
