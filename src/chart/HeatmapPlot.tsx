import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { GridAxes } from '../core/grid';
import { useElementWidth } from '../hooks/useElementWidth';
import { LengthAxis, RowAxis } from './Axis';
import { depthTick, lengthTickFormat } from './format';
import { heatmapLayout, type HeatmapLayout } from './layout';
import { Legend, type LegendSpec } from './Legend';

/** One cell as a plot draws it; the grid's rows and lengths come in `axes`. */
export interface PlotCell {
  lengthTokens: number;
  row: number | string;
  /** The value the colour shows, or null where there is no data. */
  value: number | null;
  /** Trials behind the cell. */
  n: number;
  /** Calls that failed and were not scored. */
  failed?: number;
  /** Marked as differing beyond chance (the difference view). */
  significant?: boolean;
  /** What the cell says to keyboard and screen-reader users. */
  label: string;
}

export interface HeatmapPlotProps {
  axes: GridAxes;
  /** Row by row, each row in length order, as grids order them. */
  cells: PlotCell[];
  colour: (value: number) => string;
  legend: LegendSpec;
  ariaLabel: string;
  /** The tooltip of a hovered or focused cell. */
  tooltip: (index: number) => ReactNode;
  /** Click or Enter on a cell. */
  onActivate?: (index: number) => void;
  /** Drawn over the cells (e.g. each length's mean), in the plot's coordinates. */
  overlay?: (layout: HeatmapLayout) => ReactNode;
}

const MAX_ROW_LABEL = 28;

/** A row's tick label: a depth as a percentage, a task name cut to fit. */
export function rowLabel(row: number | string): string {
  if (typeof row === 'number') return depthTick(row);
  return row.length > MAX_ROW_LABEL ? `${row.slice(0, MAX_ROW_LABEL - 1)}…` : row;
}

const ARROWS: Record<string, [dx: number, dy: number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * A heatmap's SVG: cells, axes, legend, tooltip and keyboard navigation (one cell in the tab
 * order, arrow keys move, Enter activates). Shared by run panels and the difference view, and
 * so by their exports: one way to draw a NIAH grid.
 */
export function HeatmapPlot({
  axes,
  cells,
  colour,
  legend,
  ariaLabel,
  tooltip,
  onActivate,
  overlay,
}: HeatmapPlotProps) {
  const [chartRef, width] = useElementWidth<HTMLDivElement>();
  const cellsRef = useRef<SVGGElement>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [tabStop, setTabStop] = useState(0);
  const hatch = useId();
  const lengthLabel = useMemo(() => lengthTickFormat(axes.lengths), [axes.lengths]);
  const layout = useMemo(
    () =>
      width > 0 && cells.length > 0
        ? heatmapLayout({
            width,
            lengths: axes.lengths,
            rows: axes.rows,
            rowKind: axes.rowKind,
            lengthLabel,
            rowLabel,
          })
        : null,
    [width, cells.length, axes, lengthLabel],
  );

  // Keyboard focus follows the arrow keys: move DOM focus to the cell the index names.
  useEffect(() => {
    if (focused === null) return;
    const target = cellsRef.current?.querySelector<SVGRectElement>(`[data-index="${focused}"]`);
    target?.focus();
  }, [focused]);

  const columns = axes.lengths.length;
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const current = focused ?? tabStop;
    const arrow = ARROWS[event.key];
    if (arrow) {
      event.preventDefault();
      const col = (current % columns) + arrow[0];
      const row = Math.floor(current / columns) + arrow[1];
      if (col < 0 || col >= columns || row < 0 || row >= axes.rows.length) return;
      const next = row * columns + col;
      setTabStop(next);
      setFocused(next);
    } else if ((event.key === 'Enter' || event.key === ' ') && onActivate) {
      event.preventDefault();
      onActivate(current);
    }
  };

  const shown = hovered ?? focused;
  const shownCell = shown === null ? undefined : cells[shown];
  const x = layout?.x;
  const y = layout?.y;

  return (
    <div className="chart" ref={chartRef}>
      {layout && x && y && (
        <svg
          width={layout.width}
          height={layout.height}
          className="heatmap-svg"
          role="img"
          aria-label={ariaLabel}
        >
          <g
            ref={cellsRef}
            className="cells"
            role="grid"
            aria-label={`${ariaLabel}: cells`}
            onMouseOver={(event) => {
              const index =
                event.target instanceof SVGRectElement ? event.target.dataset.index : undefined;
              setHovered(index === undefined ? null : Number(index));
            }}
            onMouseLeave={() => setHovered(null)}
            onClick={(event) => {
              const index =
                event.target instanceof SVGRectElement ? event.target.dataset.index : undefined;
              if (index !== undefined && onActivate) onActivate(Number(index));
            }}
            onKeyDown={onKeyDown}
          >
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
            {cells.map((cell, index) => (
              <rect
                key={`${cell.row}|${cell.lengthTokens}`}
                x={x(cell.lengthTokens)}
                y={y(cell.row)}
                width={x.bandwidth()}
                height={y.bandwidth()}
                fill={cell.value === null ? `url(#${hatch})` : colour(cell.value)}
                tabIndex={index === tabStop ? 0 : -1}
                role="gridcell"
                aria-label={cell.label}
                onFocus={() => {
                  setTabStop(index);
                  setFocused(index);
                }}
                onBlur={() => setFocused(null)}
                data-index={index}
                data-length={cell.lengthTokens}
                data-depth={typeof cell.row === 'number' ? cell.row : undefined}
                data-task={typeof cell.row === 'string' ? cell.row : undefined}
                data-value={cell.value ?? undefined}
                data-n={cell.n}
                data-failed={cell.failed || undefined}
                data-significant={cell.significant || undefined}
              />
            ))}
            {cells.map((cell) =>
              cell.significant ? (
                <circle
                  key={`sig|${cell.row}|${cell.lengthTokens}`}
                  className="significance-mark"
                  cx={(x(cell.lengthTokens) ?? 0) + x.bandwidth() / 2}
                  cy={(y(cell.row) ?? 0) + y.bandwidth() / 2}
                  r={Math.max(1.5, Math.min(x.bandwidth(), y.bandwidth()) * 0.14)}
                  aria-hidden="true"
                />
              ) : null,
            )}
          </g>
          {overlay?.(layout)}
          <LengthAxis layout={layout} lengthLabel={lengthLabel} />
          <RowAxis layout={layout} rowLabel={rowLabel} />
          <Legend layout={layout} spec={legend} />
        </svg>
      )}
      {layout &&
        x &&
        y &&
        shown !== null &&
        shownCell &&
        (shownCell.n > 0 || (shownCell.failed ?? 0) > 0) && (
          <div
            className={`tooltip-anchor${(x(shownCell.lengthTokens) ?? 0) > layout.width * 0.6 ? ' tooltip-flip' : ''}`}
            style={{
              left: (x(shownCell.lengthTokens) ?? 0) + x.bandwidth() * 0.5,
              top: (y(shownCell.row) ?? 0) + y.bandwidth(),
            }}
          >
            {tooltip(shown)}
          </div>
        )}
    </div>
  );
}
