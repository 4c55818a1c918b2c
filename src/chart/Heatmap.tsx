import { memo, useId, useMemo, useState, type MouseEvent } from 'react';
import { cellsToCsv } from '../core/cellsCsv';
import { METRIC_LABELS } from '../core/metrics';
import type { Run } from '../core/types';
import { downloadText, fileSlug } from '../export/download';
import { useElementWidth } from '../hooks/useElementWidth';
import { useStore } from '../state/store';
import { LengthAxis, RowAxis } from './Axis';
import { depthTick, lengthTickFormat, percent } from './format';
import { gridCells, gridMean, heatmapGrid, type GridSlot } from '../core/grid';
import { heatmapLayout, type HeatmapLayout } from './layout';
import { Legend } from './Legend';
import { PALETTES } from './palettes';
import { Tooltip } from './Tooltip';

const MAX_ROW_LABEL = 28;

/** A row's tick label: a depth as a percentage, a task name cut to fit. */
function rowLabel(row: number | string): string {
  if (typeof row === 'number') return depthTick(row);
  return row.length > MAX_ROW_LABEL ? `${row.slice(0, MAX_ROW_LABEL - 1)}…` : row;
}

/** A run's depth x length heatmap with its caption, axes, legend, tooltip and CSV download. */
export const Heatmap = memo(function Heatmap({
  run,
  preview = false,
}: {
  run: Run;
  /** A preview (the mapping dialog's): no download, and not counted among the runs' figures. */
  preview?: boolean;
}) {
  const { metric, threshold, palette, task } = useStore((s) => s.view);
  const [chartRef, width] = useElementWidth<HTMLDivElement>();
  const [hovered, setHovered] = useState<number | null>(null);
  const grid = useMemo(
    () => heatmapGrid(run, task, metric, threshold),
    [run, task, metric, threshold],
  );
  const { slots, rowKind } = grid;
  const lengthLabel = useMemo(() => lengthTickFormat(grid.lengths), [grid.lengths]);
  const layout = useMemo(
    () =>
      width > 0 && slots.length > 0
        ? heatmapLayout({
            width,
            lengths: grid.lengths,
            rows: grid.rows,
            rowKind,
            lengthLabel,
            rowLabel,
          })
        : null,
    [width, slots.length, grid.lengths, grid.rows, rowKind, lengthLabel],
  );
  const overall = gridMean(grid);
  const interpolate = PALETTES[palette].interpolate;
  const metricTitle =
    metric === 'mean'
      ? METRIC_LABELS.mean
      : `${METRIC_LABELS.passRate} (score ≥ ${threshold.toFixed(2)})`;
  const hoveredSlot = hovered === null ? undefined : slots[hovered];
  const hoveredCell = hoveredSlot?.cell ? { ...hoveredSlot, cell: hoveredSlot.cell } : null;

  const onHover = (event: MouseEvent<SVGGElement>) => {
    const index = event.target instanceof SVGRectElement ? event.target.dataset.index : undefined;
    setHovered(index === undefined ? null : Number(index));
  };

  return (
    <figure
      className={preview ? 'panel panel-preview' : 'panel'}
      data-testid={preview ? 'mapping-preview' : 'heatmap'}
      data-run={run.name}
      data-rows={rowKind}
    >
      <figcaption className="panel-head">
        <div>
          <h2 className="panel-title">{run.name}</h2>
          <p className="panel-sub" data-testid="run-mean">
            {metric === 'mean' ? 'Mean score' : 'Pass rate'} <strong>{percent(overall)}</strong>
            <span className="muted">
              {' '}
              · mean of{' '}
              {grid.slots.filter((slot) => slot.value !== null).length.toLocaleString('en-US')}{' '}
              cells
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
      {rowKind === 'task' && (
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
      {task !== null && slots.length === 0 && (
        <p className="panel-note">No results for the task “{task}” in this run.</p>
      )}
      <div className="chart" ref={chartRef}>
        {layout && (
          <svg
            width={layout.width}
            height={layout.height}
            className="heatmap-svg"
            role="img"
            aria-label={`${metricTitle} of ${run.name} by context length and needle depth`}
          >
            <Cells
              layout={layout}
              slots={slots}
              interpolate={interpolate}
              onHover={onHover}
              onLeave={() => setHovered(null)}
            />
            <LengthAxis layout={layout} lengthLabel={lengthLabel} />
            <RowAxis layout={layout} rowLabel={rowLabel} />
            <Legend layout={layout} interpolate={interpolate} title={metricTitle} />
          </svg>
        )}
        {layout && hoveredCell && (
          <Tooltip
            slot={hoveredCell}
            rowKind={rowKind}
            threshold={threshold}
            left={(layout.x(hoveredCell.lengthTokens) ?? 0) + layout.x.bandwidth() * 0.5}
            top={(layout.y(hoveredCell.row) ?? 0) + layout.y.bandwidth()}
            flip={(layout.x(hoveredCell.lengthTokens) ?? 0) > layout.width * 0.6}
          />
        )}
      </div>
    </figure>
  );
});

interface CellsProps {
  layout: HeatmapLayout;
  slots: GridSlot[];
  interpolate: (t: number) => string;
  onHover: (event: MouseEvent<SVGGElement>) => void;
  onLeave: () => void;
}

/** The cells, with the data attributes tests and tools read; gaps hatched as "no data". */
function Cells({ layout, slots, interpolate, onHover, onLeave }: CellsProps) {
  const hatch = useId();
  const { x, y } = layout;
  const w = x.bandwidth();
  const h = y.bandwidth();
  return (
    <g className="cells" onMouseOver={onHover} onMouseLeave={onLeave}>
      <defs>
        <pattern
          id={hatch}
          width={6}
          height={6}
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width={6} height={6} className="nodata-bg" />
          <line x1={0} y1={0} x2={0} y2={6} className="nodata-line" />
        </pattern>
      </defs>
      {slots.map((slot, index) => (
        <rect
          key={`${slot.row}|${slot.lengthTokens}`}
          x={x(slot.lengthTokens)}
          y={y(slot.row)}
          width={w}
          height={h}
          fill={slot.value === null ? `url(#${hatch})` : interpolate(slot.value)}
          data-index={index}
          data-length={slot.lengthTokens}
          data-depth={typeof slot.row === 'number' ? slot.row : undefined}
          data-task={typeof slot.row === 'string' ? slot.row : undefined}
          data-value={slot.value ?? undefined}
          data-n={slot.cell?.n ?? 0}
          data-failed={slot.cell?.failedCalls || undefined}
        />
      ))}
    </g>
  );
}
