import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runStyles, type RunStyle } from '../chart/runColours';
import { summarizeRun, type RunSummary } from '../core/summary';
import type { Run } from '../core/types';
import { useStore } from './store';

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
  const task = useStore((s) => s.view.task);
  const threshold = useStore((s) => s.view.threshold);
  const effectiveThreshold = useStore((s) => s.view.effectiveThreshold);
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
