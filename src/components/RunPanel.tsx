import { memo, useCallback, useMemo } from 'react';
import { facetPanels } from '../core/facets';
import { useShallow } from 'zustand/react/shallow';
import { Heatmap } from '../chart/Heatmap';
import { binnedRunPanel, gridOfBins } from '../chart/binPanels';
import { panelOfGrid } from '../chart/panels';
import { binRun, type BinAxes } from '../core/bins';
import { cellsToCsv } from '../core/formats/haymapCells';
import { alignedGrid } from '../core/derived';
import { gridCells, type GridAxes } from '../core/grid';
import type { Run } from '../core/types';
import { downloadText, fileSlug } from '../export/download';
import { selectPanelView, selectSetView } from '../state/selectors';
import { useStore } from '../state/store';

interface RunPanelProps {
  run: Run;
  /** Axes shared with other panels (the union of their sweeps), or null for the run's own. */
  axes?: GridAxes | null;
  /** Shared bins to draw the run on (runs of different sweeps aligned), or null. */
  bins?: BinAxes | null;
  /** A preview (the mapping dialog's): no download, no drill-down. */
  preview?: boolean;
}

/**
 * A run's heatmap as the view draws it; a run with several values of a facet (needle count,
 * mode) as small multiples, one heatmap per value on the one 0..1 colour scale.
 */
export const RunPanel = memo(function RunPanel(props: RunPanelProps) {
  const { run, bins = null, preview = false } = props;
  const smallMultiples = useStore((s) => s.view.smallMultiples);
  const facets = useMemo(
    () => (bins || preview || !smallMultiples ? [] : facetPanels(run)),
    [run, bins, preview, smallMultiples],
  );
  if (facets.length < 2) return <RunHeatmap {...props} />;
  return (
    <>
      {facets.map((facet) => (
        <RunHeatmap key={facet.facet} {...props} run={facet.run} facet={facet.facet} />
      ))}
    </>
  );
});

/** One heatmap: opening a cell drills down, the CSV is its cells. */
function RunHeatmap({
  run,
  axes = null,
  bins = null,
  preview = false,
  facet,
}: RunPanelProps & { facet?: string }) {
  const view = useStore(useShallow(selectPanelView));
  const setView = useStore(selectSetView);
  const { metric, threshold, palette, task } = view;
  const binned = useMemo(
    () => (bins ? binRun(run, bins, metric, threshold, task) : null),
    [run, bins, metric, threshold, task],
  );
  const grid = useMemo(
    () => (binned ? gridOfBins(binned) : alignedGrid(run, { task, metric, threshold }, axes)),
    [run, binned, task, metric, threshold, axes],
  );
  const panel = useMemo(
    () =>
      binned
        ? binnedRunPanel(run, binned, { metric, threshold, palette, task })
        : panelOfGrid(run, grid, { metric, threshold, palette, task }),
    [run, binned, grid, metric, threshold, palette, task],
  );
  const openCell = useCallback(
    (lengthTokens: number, row: number | string) =>
      setView({ drill: { runId: run.id, lengthTokens, row } }),
    [setView, run.id],
  );
  const downloadCsv = useCallback(
    () =>
      downloadText(
        `${fileSlug(run.name)}-cells.csv`,
        cellsToCsv(run.name, gridCells(grid), threshold),
        'text/csv',
      ),
    [run.name, grid, threshold],
  );
  return (
    <Heatmap
      run={run}
      grid={grid}
      panel={panel}
      view={view}
      preview={preview}
      onOpenCell={preview || binned ? undefined : openCell}
      onDownloadCsv={preview ? undefined : downloadCsv}
      facet={facet}
    />
  );
}
