import { memo, useMemo } from 'react';
import type { HeatmapGrid } from '../core/grid';
import type { Run } from '../core/types';
import { LENGTH_UNITS, lengthUnitOf, lengthWithUnit } from '../core/units';
import { DataTable } from './DataTable';
import type { FigureOptions } from './figureOptions';
import { HeatmapPlot } from './HeatmapPlot';
import type { PanelModel } from './panels';
import { CellTooltip } from './Tooltip';
import { grouped } from '../core/numberText';

/** The view settings a heatmap reads besides its panel. */
export interface HeatmapView {
  threshold: number;
  task: string | null;
  /** Each length's trial-weighted mean in a strip above the plot. */
  showLengthMean: boolean;
  /** Each row's trial-weighted mean in a strip beside the plot. */
  showDepthMean: boolean;
  figure: FigureOptions;
}

interface HeatmapProps {
  run: Run;
  grid: HeatmapGrid;
  /** What the panel draws for the grid (see `panelOfGrid`). */
  panel: PanelModel;
  view: HeatmapView;
  /** A preview (the mapping dialog's): no download, and not counted among the runs' figures. */
  preview?: boolean;
  /** Click or Enter on a cell with data. */
  onOpenCell?: (lengthTokens: number, row: number | string) => void;
  onDownloadCsv?: () => void;
  /** The facet value this small multiple shows, `<field>=<value>`. */
  facet?: string;
  /**
   * The task this small multiple shows, beside the run's pooled heatmap: its figure says the
   * task (`data-task`) and is not one of the runs' figures (`data-testid="task-heatmap"`).
   */
  taskOf?: string;
}

/** Column labels naming bucket lengths (LongBench v2's "short"), or none when there are none. */
function bucketLabel(labels: Record<number, string> | undefined) {
  return labels && ((length: number) => labels[length] ?? grouped(length));
}

/** A run's depth x length heatmap with its caption, legend, tooltip, drill-down and CSV download. */
export const Heatmap = memo(function Heatmap({
  run,
  grid,
  panel,
  view,
  preview = false,
  onOpenCell,
  onDownloadCsv,
  facet,
  taskOf,
}: HeatmapProps) {
  const { threshold, task, showLengthMean, showDepthMean, figure } = view;
  const testId = preview ? 'mapping-preview' : taskOf === undefined ? 'heatmap' : 'task-heatmap';
  const Title = taskOf === undefined ? 'h2' : 'h3';
  const margins = useMemo(
    () => ({ length: showLengthMean, depth: showDepthMean }),
    [showLengthMean, showDepthMean],
  );
  return (
    <figure
      className={preview ? 'panel panel-preview' : 'panel'}
      data-testid={testId}
      data-run={run.name}
      data-rows={grid.rowKind}
      data-facet={facet}
      data-task={taskOf}
    >
      <figcaption className="panel-head">
        <div>
          <Title className="panel-title">
            {taskOf === undefined ? panel.title : taskOf}
            {facet && <span className="muted"> · {facet}</span>}
            {taskOf !== undefined && <span className="muted"> · {panel.title}</span>}
          </Title>
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
            onClick={onDownloadCsv}
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
          {grouped(grid.leftOut)} cells record no needle depth and are not drawn here; pick their
          task above to see them as a length × task matrix.
        </p>
      )}
      {task !== null && grid.slots.length === 0 && (
        <p className="panel-note">No results for the task “{task}” in this run.</p>
      )}
      <HeatmapPlot
        panel={panel}
        options={figure}
        tooltip={(index) => {
          const slot = grid.slots[index];
          if (!slot?.cell) return null;
          const { lengthLabel, rowLabel } = panel;
          // On bins, the cell's place is its bin's range, not the bin's lower edges.
          const frames = lengthUnitOf(run) === 'frames';
          const head =
            lengthLabel && rowLabel
              ? `${lengthLabel(slot.lengthTokens)}${frames ? ' frames' : ''} · depth ${rowLabel(slot.row)}`
              : frames
                ? `${lengthWithUnit(slot.lengthTokens, 'frames')} · ${typeof slot.row === 'number' ? `depth ${slot.row}%` : slot.row}`
                : undefined;
          return <CellTooltip cell={slot.cell} row={slot.row} threshold={threshold} head={head} />;
        }}
        onActivate={
          onOpenCell &&
          ((index) => {
            const slot = grid.slots[index];
            if (slot?.cell) onOpenCell(slot.lengthTokens, slot.row);
          })
        }
        margins={margins}
      />
      {!preview && (
        <DataTable
          axes={grid}
          cells={panel.cells}
          unit={lengthUnitOf(run)}
          lengthLabel={panel.lengthLabel ?? bucketLabel(panel.lengthLabels)}
          rowLabel={panel.rowLabel}
          caption={`${panel.legend.title} of ${run.name} in percent, by ${grid.rowKind === 'depth' ? (panel.rowLabel ? 'depth band' : 'depth') : 'task'} (rows) and ${panel.lengthLabel ? 'length bin' : 'context length'} in ${LENGTH_UNITS[lengthUnitOf(run)].noun} (columns)`}
        />
      )}
    </figure>
  );
});
