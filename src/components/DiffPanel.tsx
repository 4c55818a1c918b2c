import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DiffView } from '../chart/DiffView';
import { diffPanel, pickPair } from '../chart/panels';
import type { Run } from '../core/types';
import { selectDiffView, selectSetView } from '../state/selectors';
import { useStore } from '../state/store';

/** The difference view of the runs the user picked (else the first two shown). */
export function DiffPanel({ runs }: { runs: readonly Run[] }) {
  const view = useStore(useShallow(selectDiffView));
  const { metric, threshold, task, palette } = view;
  const setView = useStore(selectSetView);
  const pair = pickPair(runs, view.diffA, view.diffB);
  const [a, b] = pair ?? [null, null];
  const panel = useMemo(
    () => (a && b ? diffPanel(a, b, { metric, threshold, task, palette }) : null),
    [a, b, task, metric, threshold, palette],
  );
  const pick = useCallback(
    (idA: string, idB: string) => setView({ diffA: idA, diffB: idB }),
    [setView],
  );
  if (!a || !b || !panel) return null;
  return <DiffView a={a} b={b} runs={runs} panel={panel} view={view} onPick={pick} />;
}
