import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { alignmentBins, binOptionsOf } from '../chart/binPanels';
import { sharedAxes } from '../core/derived';
import type { Run } from '../core/types';
import { selectGridView } from '../state/selectors';
import { useStore } from '../state/store';
import { RunPanel } from './RunPanel';

/**
 * One panel per shown run in a responsive grid of equal columns, so runs swept alike get the
 * same axes and cell sizes exactly. With "align" on, runs with different sweeps are drawn on
 * the union of their lengths and rows, cells a run lacks hatched as no data; where that union
 * would be mostly holes (a 35 x 35 sweep beside a 15 x 15 one), on shared bins.
 */
export function CompareGrid({ runs }: { runs: Run[] }) {
  const { align, task, metric, threshold, binCount, binScale, depthBand } = useStore(
    useShallow(selectGridView),
  );
  const axes = useMemo(
    () => (align ? sharedAxes(runs, { task, metric, threshold }) : null),
    [align, runs, task, metric, threshold],
  );
  const bins = useMemo(
    () =>
      align
        ? alignmentBins(
            runs,
            axes,
            { task, metric, threshold, palette: 'classic' },
            binOptionsOf({ binCount, binScale, depthBand }, task),
          )
        : null,
    [align, runs, axes, task, metric, threshold, binCount, binScale, depthBand],
  );
  return (
    <div className={`compare-grid compare-${Math.min(runs.length, 3)}`} data-testid="compare-grid">
      {runs.map((run) => (
        <RunPanel key={run.id} run={run} axes={bins ? null : axes} bins={bins} />
      ))}
    </div>
  );
}
