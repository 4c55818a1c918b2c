import { memo, useMemo } from 'react';
import { cellsToCsv } from '../core/cellsCsv';
import { gridCells, gridMean, heatmapGrid, type GridAxes, type HeatmapGrid } from '../core/grid';
import { METRIC_LABELS } from '../core/metrics';
import type { Run } from '../core/types';
import { downloadText, fileSlug } from '../export/download';
import { useStore } from '../state/store';
import { percent } from './format';
import { HeatmapPlot, type PlotCell } from './HeatmapPlot';
import { LengthMeanLine } from './LengthMeanLine';
import { PERCENT_TICKS } from './Legend';
import { PALETTES } from './palettes';
import { CellTooltip, cellPlace } from './Tooltip';

interface HeatmapProps {
  run: Run;
  /** Axes shared with other panels (the union of their sweeps), or null for the run's own. */
  axes?: GridAxes | null;
  /** A preview (the mapping dialog's): no download, and not counted among the runs' figures. */
  preview?: boolean;
}

/** The cells of a grid as a plot draws them, with what each says to a screen reader. */
function plotCells(grid: HeatmapGrid, metricName: string): PlotCell[] {
  return grid.slots.map((slot) => ({
    lengthTokens: slot.lengthTokens,
    row: slot.row,
    value: slot.value,
    n: slot.cell?.n ?? 0,
    failed: slot.cell?.failedCalls,
    label:
      slot.value === null
        ? `${cellPlace(slot.lengthTokens, slot.row)}: no data`
        : `${cellPlace(slot.lengthTokens, slot.row)}: ${metricName} ${percent(slot.value)}, ${slot.cell?.n ?? 0} trials`,
  }));
}

/** A run's depth x length heatmap with its caption, legend, tooltip, drill-down and CSV download. */
export const Heatmap = memo(function Heatmap({ run, axes = null, preview = false }: HeatmapProps) {
  const { metric, threshold, palette, task, showLengthMean } = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const grid = useMemo(
    () => heatmapGrid(run, task, metric, threshold, axes),
    [run, task, metric, threshold, axes],
  );
  const metricName = metric === 'mean' ? 'mean score' : 'pass rate';
  const cells = useMemo(() => plotCells(grid, metricName), [grid, metricName]);
  const overall = gridMean(grid);
  const interpolate = PALETTES[palette].interpolate;
  const metricTitle =
    metric === 'mean'
      ? METRIC_LABELS.mean
      : `${METRIC_LABELS.passRate} (score ≥ ${threshold.toFixed(2)})`;
  const scored = grid.slots.filter((slot) => slot.value !== null).length;

  return (
    <figure
      className={preview ? 'panel panel-preview' : 'panel'}
      data-testid={preview ? 'mapping-preview' : 'heatmap'}
      data-run={run.name}
      data-rows={grid.rowKind}
    >
      <figcaption className="panel-head">
        <div>
          <h2 className="panel-title">{run.name}</h2>
          <p className="panel-sub" data-testid="run-mean">
            {metric === 'mean' ? 'Mean score' : 'Pass rate'} <strong>{percent(overall)}</strong>
            <span className="muted">
              {' '}
              · mean of {scored.toLocaleString('en-US')} cells
              {run.tasks.length > 0 &&
                ` in ${run.tasks.length} ${run.tasks.length === 1 ? 'task' : 'tasks'}`}{' '}
              · {run.trialCount.toLocaleString('en-US')} trials
            </span>
          </p>
        </div>
        {!preview && (
          <button
            type="button"
            className="button button-quiet"
            data-testid="download-csv"
            title="The cells shown, one per row"
            onClick={() =>
              downloadText(
                `${fileSlug(run.name)}-cells.csv`,
                cellsToCsv(run.name, gridCells(grid), threshold),
                'text/csv',
              )
            }
          >
            Download CSV
          </button>
        )}
      </figcaption>
      {grid.rowKind === 'task' && (
        <p className="panel-note" data-testid="task-matrix-note">
          Length × task matrix: these results record no needle depth, so each row is a task.
        </p>
      )}
      {task === null && grid.leftOut > 0 && (
        <p className="panel-note" data-testid="left-out-note">
          {grid.leftOut.toLocaleString('en-US')} cells record no needle depth and are not drawn
          here; pick their task above to see them as a length × task matrix.
        </p>
      )}
      {task !== null && grid.slots.length === 0 && (
        <p className="panel-note">No results for the task “{task}” in this run.</p>
      )}
      <HeatmapPlot
        axes={grid}
        cells={cells}
        colour={interpolate}
        legend={{ title: metricTitle, interpolate, ticks: PERCENT_TICKS }}
        ariaLabel={`${metricTitle} of ${run.name} by context length and ${grid.rowKind === 'depth' ? 'needle depth' : 'task'}`}
        tooltip={(index) => {
          const slot = grid.slots[index];
          return slot?.cell ? (
            <CellTooltip cell={slot.cell} row={slot.row} threshold={threshold} />
          ) : null;
        }}
        onActivate={
          preview
            ? undefined
            : (index) => {
                const slot = grid.slots[index];
                if (slot?.cell)
                  setView({
                    drill: { runId: run.id, lengthTokens: slot.lengthTokens, row: slot.row },
                  });
              }
        }
        overlay={
          showLengthMean && grid.rowKind === 'depth'
            ? (layout) => <LengthMeanLine grid={grid} layout={layout} />
            : undefined
        }
      />
    </figure>
  );
});
