import { memo, useCallback, useMemo } from 'react';
import { facetPanels, TASK_FIELD, taskAxes, taskPanels, type FacetPanel } from '../core/facets';
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
 * A run's heatmap as the view draws it. A run with several values of a facet (needle count,
 * mode), with the switch on, as small multiples, one heatmap per value; a run whose tasks have
 * depths, showing all tasks, as its pooled heatmap and one heatmap per task below it. All on
 * the one 0..1 colour scale.
 */
export const RunPanel = memo(function RunPanel(props: RunPanelProps) {
  const { run, axes = null, bins = null, preview = false } = props;
  const smallMultiples = useStore((s) => s.view.smallMultiples);
  const task = useStore((s) => s.view.task);
  const facets = useMemo(
    () => (bins || preview || !smallMultiples ? [] : facetPanels(run)),
    [run, bins, preview, smallMultiples],
  );
  const tasks = useMemo(
    () => (bins || preview || task !== null ? [] : taskPanels(run)),
    [run, bins, preview, task],
  );
  // The multiples share the run's axes (or those shared with other runs), so they line up.
  const multipleAxes = useMemo(() => axes ?? taskAxes(run), [axes, run]);
  if (facets.length >= 2) {
    return (
      <>
        {facets.map((facet) => (
          <RunHeatmap key={facet.facet} {...props} run={facet.run} multiple={facet} />
        ))}
      </>
    );
  }
  if (tasks.length < 2) return <RunHeatmap {...props} />;
  return (
    <div className="run-group">
      <RunHeatmap {...props} />
      <div
        className="task-multiples"
        data-testid="task-multiples"
        data-run={run.name}
        role="group"
        aria-labelledby={`${run.id}-by-task`}
      >
        <p className="task-multiples-title" id={`${run.id}-by-task`}>
          {run.name} by task: {tasks.length} heatmaps on the same colour scale (above: all tasks
          pooled)
        </p>
        {tasks.map((panel) => (
          <RunHeatmap
            key={panel.value}
            {...props}
            run={panel.run}
            axes={multipleAxes}
            multiple={panel}
          />
        ))}
      </div>
    </div>
  );
});

/** One heatmap: opening a cell drills down, the CSV is its cells. */
function RunHeatmap({
  run,
  axes = null,
  bins = null,
  preview = false,
  multiple,
}: RunPanelProps & { multiple?: FacetPanel }) {
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
  const field = multiple?.field;
  const value = multiple?.value;
  const openCell = useCallback(
    (lengthTokens: number, row: number | string) =>
      setView({
        drill: {
          runId: run.id,
          lengthTokens,
          row,
          ...(field !== undefined && value !== undefined ? { within: { field, value } } : {}),
        },
      }),
    [setView, run.id, field, value],
  );
  const downloadCsv = useCallback(
    () =>
      downloadText(
        `${fileSlug(multiple ? `${run.name} ${multiple.facet}` : run.name)}-cells.csv`,
        cellsToCsv(run.name, gridCells(grid), threshold),
        'text/csv',
      ),
    [run.name, multiple, grid, threshold],
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
      facet={multiple && multiple.field !== TASK_FIELD ? multiple.facet : undefined}
      taskOf={multiple?.field === TASK_FIELD ? multiple.value : undefined}
    />
  );
}
