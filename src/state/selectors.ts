/**
 * Module-level selectors: each picks the few view fields one part of the page draws with, to
 * be read with shallow equality (`useStore(useShallow(selectX))`), so a change elsewhere in
 * the view (opening the drill-down) re-renders none of it.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runStyles, type RunStyle } from '../chart/runColours';
import { summarizeRun, type RunSummary } from '../core/summary';
import type { Run } from '../core/types';
import { buildFrom } from './fieldTables';
import type { CarriedView } from './sharedView';
import { useStore } from './store';
import type { Store, ViewState } from './types';
import { LINKED_KEYS, RUN_KEYS } from './viewFields';

export const selectSetView = (s: Store) => s.setView;

/** What a run's heatmap panel draws with. */
export const selectPanelView = ({ view }: Store) => ({
  metric: view.metric,
  threshold: view.threshold,
  palette: view.palette,
  task: view.task,
  showLengthMean: view.showLengthMean,
  showDepthMean: view.showDepthMean,
  figure: view.figure,
  smallMultiples: view.smallMultiples,
});

/** What the grid of panels needs to align them. */
export const selectGridView = ({ view }: Store) => ({
  align: view.align,
  task: view.task,
  metric: view.metric,
  threshold: view.threshold,
  binCount: view.binCount,
  binScale: view.binScale,
  depthBand: view.depthBand,
});

/** The settings the view controls show. */
export const selectViewControls = ({ view }: Store) => ({
  task: view.task,
  metric: view.metric,
  threshold: view.threshold,
  align: view.align,
  showLengthMean: view.showLengthMean,
  showDepthMean: view.showDepthMean,
  palette: view.palette,
  smallMultiples: view.smallMultiples,
});

/** What the difference view draws with, and so an exported figure. */
/** The exported figure's callouts. */
export const selectCallouts = ({ view }: Store) => view.callouts;

export const selectDiffView = ({ view }: Store) => ({
  metric: view.metric,
  threshold: view.threshold,
  palette: view.palette,
  task: view.task,
  diffA: view.diffA,
  diffB: view.diffB,
  figure: view.figure,
  diffMode: view.diffMode,
  binCount: view.binCount,
  binScale: view.binScale,
  depthBand: view.depthBand,
});

/** What the summary table and the length chart say. */
export const selectSummaryView = ({ view }: Store) => ({
  threshold: view.threshold,
  effectiveThreshold: view.effectiveThreshold,
  task: view.task,
});

/** What the score-by-length chart draws with. */
export const selectLengthView = ({ view }: Store) => ({
  metric: view.metric,
  threshold: view.threshold,
  task: view.task,
  effectiveThreshold: view.effectiveThreshold,
  lengthScale: view.lengthScale,
});

/** The view fields a share link carries. */
export const selectCarriedView = ({ view }: Store): CarriedView =>
  buildFrom<ViewState, keyof CarriedView>([...LINKED_KEYS, ...RUN_KEYS], (key) => view[key]);

/** The loaded runs the user has not hidden, in load order. */
export function useShownRuns(): Run[] {
  const runs = useStore((s) => s.runs);
  const hidden = useStore((s) => s.view.hiddenRunIds);
  return useMemo(
    () => (hidden.length === 0 ? runs : runs.filter((run) => !hidden.includes(run.id))),
    [runs, hidden],
  );
}

/** The summary of each shown run for the view's task, pass threshold and effective threshold. */
export function useSummaries(): RunSummary[] {
  const runs = useShownRuns();
  const { task, threshold, effectiveThreshold } = useStore(useShallow(selectSummaryView));
  return useMemo(
    () => runs.map((run) => summarizeRun(run, task, threshold, effectiveThreshold)),
    [runs, task, threshold, effectiveThreshold],
  );
}

/** Each loaded run's colour and dash, by run id; stable while runs are hidden or renamed. */
export function useRunStyles(): Map<string, RunStyle> {
  const ids = useStore(useShallow((s) => s.runs.map((run) => run.id)));
  return useMemo(() => runStyles(ids), [ids]);
}
