import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { binnedDiffPanel, binOptionsOf } from '../chart/binPanels';
import { DiffView } from '../chart/DiffView';
import { diffPanel, pickPair } from '../chart/panels';
import { chooseComparison, diffOnBins } from '../core/binDiff';
import type { Run } from '../core/types';
import { selectDiffView, selectSetView } from '../state/selectors';
import { useStore } from '../state/store';
import { BinControls } from './BinControls';

/**
 * The difference view of the runs the user picked (else the first two shown): cell by cell
 * when their sweeps match, else on shared bins, as the core chooses or the user sets.
 */
export function DiffPanel({ runs }: { runs: readonly Run[] }) {
  const view = useStore(useShallow(selectDiffView));
  const { metric, threshold, task, palette, diffMode, binCount, binScale, depthBand } = view;
  const setView = useStore(selectSetView);
  const pair = pickPair(runs, view.diffA, view.diffB);
  const [a, b] = pair ?? [null, null];
  const options = useMemo(
    () => binOptionsOf({ binCount, binScale, depthBand }, task),
    [binCount, binScale, depthBand, task],
  );
  const choice = useMemo(
    () => (a && b ? chooseComparison(a, b, options, threshold) : null),
    [a, b, options, threshold],
  );
  const mode = diffMode === 'auto' ? (choice?.mode ?? 'exact') : diffMode;
  const binned = useMemo(
    () => (a && b && mode === 'bins' ? diffOnBins(a, b, metric, threshold, options) : null),
    [a, b, mode, metric, threshold, options],
  );
  const panel = useMemo(() => {
    if (!a || !b) return null;
    const panelView = { metric, threshold, task, palette };
    return binned
      ? { kind: 'bins' as const, ...binnedDiffPanel(a, b, binned, panelView) }
      : { kind: 'exact' as const, ...diffPanel(a, b, panelView) };
  }, [a, b, binned, task, metric, threshold, palette]);
  const pick = useCallback(
    (idA: string, idB: string) => setView({ diffA: idA, diffB: idB }),
    [setView],
  );
  if (!a || !b || !panel || !choice) return null;
  const reason =
    diffMode === 'auto'
      ? choice.reason
      : mode === 'bins' && !binned
        ? 'Shared bins were asked for, but the runs share no range of lengths with depths: compared cell by cell.'
        : `Compared ${mode === 'bins' ? 'on shared bins' : 'cell by cell'}, as set. ${choice.reason}`;
  return (
    <DiffView
      a={a}
      b={b}
      runs={runs}
      panel={panel}
      view={view}
      reason={reason}
      onPick={pick}
      controls={
        <BinControls
          mode={diffMode}
          binned={panel.kind === 'bins'}
          binCount={binCount}
          binScale={binScale}
          depthBand={depthBand}
          onChange={setView}
        />
      }
    />
  );
}
