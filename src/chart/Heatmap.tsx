import { memo, useMemo } from 'react';
import { cellsToCsv } from '../core/formats/haymapCells';
import { gridCells, heatmapGrid, type GridAxes } from '../core/grid';
import type { Run } from '../core/types';
import { downloadText, fileSlug } from '../export/download';
import { useStore } from '../state/store';
import { DataTable } from './DataTable';
import { HeatmapPlot } from './HeatmapPlot';
import { panelOfGrid } from './panels';
import { CellTooltip } from './Tooltip';

interface HeatmapProps {
  run: Run;
  /** Axes shared with other panels (the union of their sweeps), or null for the run's own. */
  axes?: GridAxes | null;
  /** A preview (the mapping dialog's): no download, and not counted among the runs' figures. */
  preview?: boolean;
}

/** A run's depth x length heatmap with its caption, legend, tooltip, drill-down and CSV download. */
export const Heatmap = memo(function Heatmap({ run, axes = null, preview = false }: HeatmapProps) {
  const { metric, threshold, palette, task, showLengthMean, figure } = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  // The grid depends on the data and the metric; the palette only recolours it.
  const grid = useMemo(
    () => heatmapGrid(run, task, metric, threshold, axes),
    [run, task, metric, threshold, axes],
  );
  const panel = useMemo(
    () => panelOfGrid(run, grid, { metric, threshold, palette, task }),
    [run, grid, metric, threshold, palette, task],
  );

  return (
    <figure
      className={preview ? 'panel panel-preview' : 'panel'}
      data-testid={preview ? 'mapping-preview' : 'heatmap'}
      data-run={run.name}
      data-rows={grid.rowKind}
    >
      <figcaption className="panel-head">
        <div>
          <h2 className="panel-title">{panel.title}</h2>
          <p className="panel-sub" data-testid="run-mean">
            {panel.subtitle}
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
        cells={panel.cells}
        colour={panel.colour}
        legend={panel.legend}
        options={figure}
        ariaLabel={panel.ariaLabel}
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
        overlay={showLengthMean && grid.rowKind === 'depth' ? grid : undefined}
      />
      {!preview && (
        <DataTable
          axes={grid}
          cells={panel.cells}
          caption={`${panel.legend.title} of ${run.name} in percent, by ${grid.rowKind === 'depth' ? 'depth' : 'task'} (rows) and context length in tokens (columns)`}
        />
      )}
    </figure>
  );
});
