/**
 * Facets: fields that split a run into small multiples (needle count, mode, task), one heatmap
 * per value, all on the one 0..1 colour scale. Cells are kept apart by facet while reading, so
 * a facet's grid is exact; the run's own grid pools them.
 */
import type { GridAxes } from './grid';
import type { Cell, Facets, Run, Trial } from './types';

/** The pseudo-facet of a run's tasks (gkamradt v2's `task_type`, RULER's task names). */
export const TASK_FIELD = 'task';

/** One string for a record's facets, the same whatever order its fields came in. */
export function facetKey(facets: Facets | undefined): string {
  if (!facets) return '';
  return Object.keys(facets)
    .sort()
    .map((field) => `${field}=${facets[field] ?? ''}`)
    .join('\u0001');
}

/** Sorts facet values as numbers where all are numbers ("1", "3", "10"), else as text. */
function sortValues(values: Iterable<string>): string[] {
  const list = [...values];
  const numeric = list.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  return list.sort((a, b) => (numeric ? Number(a) - Number(b) : a.localeCompare(b)));
}

/** Facet fields with more than one value among the cells, each with its values sorted. */
export function facetValuesOf(cells: readonly Pick<Cell, 'facets'>[]): Record<string, string[]> {
  const values = new Map<string, Set<string>>();
  for (const cell of cells) {
    for (const [field, value] of Object.entries(cell.facets ?? {})) {
      const set = values.get(field) ?? new Set<string>();
      set.add(value);
      values.set(field, set);
    }
  }
  return Object.fromEntries(
    [...values]
      .filter(([, set]) => set.size > 1)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([field, set]) => [field, sortValues(set)]),
  );
}

/** The fields a run can be split by: its facets with several values, and `task` with several tasks. */
export function splitFields(run: Pick<Run, 'cells' | 'tasks' | 'facetValues'>): string[] {
  const facets = Object.keys(run.facetValues ?? facetValuesOf(run.cells));
  return [...(run.tasks.length > 1 ? [TASK_FIELD] : []), ...facets];
}

/** The values of a split field in a run, sorted. */
export function fieldValues(run: Pick<Run, 'cells' | 'tasks'>, field: string): string[] {
  if (field === TASK_FIELD) return [...run.tasks];
  const values = new Set(run.cells.flatMap((c) => c.facets?.[field] ?? []));
  return sortValues(values);
}

/** Whether a cell or trial has `value` for `field` (`task` reads the task). */
export function hasFacet(
  record: Pick<Cell, 'facets'> & { task?: string },
  field: string,
  value: string,
): boolean {
  return field === TASK_FIELD ? (record.task ?? '') === value : record.facets?.[field] === value;
}

/** `needles=3`: how a facet is written in `data-facet` and in run names. */
export function facetLabel(field: string, value: string): string {
  return `${field}=${value}`;
}

/**
 * The run restricted to one facet value: its cells, axes, trial count and kept details, so a
 * heatmap of it is that value's small multiple. Name and id stay the run's.
 */
export function facetRun(run: Run, field: string, value: string): Run {
  const cells = run.cells.filter((cell) => hasFacet(cell, field, value));
  const ascending = (a: number, b: number) => a - b;
  return {
    ...run,
    cells,
    lengths: [...new Set(cells.map((c) => c.lengthTokens))].sort(ascending),
    depths: [...new Set(cells.flatMap((c) => c.depthPercent ?? []))].sort(ascending),
    tasks: [...new Set(cells.map((c) => c.task))].filter((t) => t !== '').sort(),
    trialCount: cells.reduce((total, cell) => total + cell.n, 0),
    details: run.details.filter((trial: Trial) => hasFacet(trial, field, value)),
    facetValues: facetValuesOf(cells),
  };
}

/** One small multiple: a facet value and the run restricted to it. */
export interface FacetPanel {
  field: string;
  value: string;
  /** `<field>=<value>`, for `data-facet`. */
  facet: string;
  run: Run;
}

/**
 * The small multiples of a run by `field` (default: its first facet with several values), one
 * per value in order; empty when the run has no such facet. All show 0..1 scores, so one colour
 * scale serves them all.
 */
export function facetPanels(run: Run, field?: string): FacetPanel[] {
  const chosen = field ?? Object.keys(run.facetValues ?? facetValuesOf(run.cells))[0];
  if (chosen === undefined) return [];
  return fieldValues(run, chosen).map((value) => ({
    field: chosen,
    value,
    facet: facetLabel(chosen, value),
    run: facetRun(run, chosen, value),
  }));
}

/**
 * The small multiples of a run's tasks that have depths (gkamradt v2's `task_type`, EvalScope's
 * languages, HELMET's `json_kv` beside its RAG sets), one per task in natural order; empty when
 * fewer than two tasks have depths. Tasks without depth are the length x task matrix's rows.
 */
export function taskPanels(run: Run): FacetPanel[] {
  const panels = facetPanels(run, TASK_FIELD).filter((panel) => panel.run.depths.length > 0);
  const natural = new Intl.Collator('en', { numeric: true });
  return panels.length < 2 ? [] : panels.sort((a, b) => natural.compare(a.value, b.value));
}

/**
 * The axes every task's small multiple is drawn on: the lengths and depths of the run's cells
 * with depth, so the multiples line up and a length a task lacks shows as no data.
 */
export function taskAxes(run: Pick<Run, 'cells' | 'depths'>): GridAxes {
  const lengths = run.cells.filter((c) => c.depthPercent !== null).map((c) => c.lengthTokens);
  return {
    rowKind: 'depth',
    lengths: [...new Set(lengths)].sort((a, b) => a - b),
    rows: [...run.depths],
  };
}
