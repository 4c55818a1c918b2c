import type { ScaleBand } from 'd3-scale';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { useDevicePixelRatio } from '../hooks/useDevicePixelRatio';
import { canvasScale, paintCells, snapEdges } from './cellPaint';
import type { PlotCell } from './plotCell';
import type { HeatmapLayout } from './layout';
import type { FigureTheme } from './theme';

export interface CellCanvasProps {
  layout: HeatmapLayout;
  cells: PlotCell[];
  colour: (value: number) => string;
  theme: FigureTheme;
  /** Value labels painted in the cells, or undefined for none. */
  labels?: { texts: readonly (string | undefined)[]; font: string };
}

/** The hatch of cells without data, as the SVG's pattern draws it: a 6 px tile turned 45°. */
function hatchOf(
  ctx: CanvasRenderingContext2D,
  theme: FigureTheme,
  scale: number,
): CanvasPattern | string {
  const size = Math.max(2, Math.round(6 * scale));
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const tileCtx = tile.getContext('2d');
  const pattern = tileCtx && ctx.createPattern(tile, 'repeat');
  if (!tileCtx || !pattern) return theme.noDataFill;
  tileCtx.fillStyle = theme.noDataFill;
  tileCtx.fillRect(0, 0, size, size);
  tileCtx.fillStyle = theme.noDataHatch;
  tileCtx.fillRect(0, 0, Math.max(1, Math.round(scale)), size);
  pattern.setTransform(new DOMMatrix().rotate(45));
  return pattern;
}

/**
 * A panel's cells painted on a canvas inside its SVG, under the data elements that take the
 * pointer and focus. A new palette, metric or threshold repaints it; nothing else re-renders.
 */
export const CellCanvas = memo(function CellCanvas({
  layout,
  cells,
  colour,
  theme,
  labels,
}: CellCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { plot, x, y } = layout;
  const ratio = useDevicePixelRatio();
  const scale = canvasScale(plot.width, plot.height, ratio);
  const edges = useMemo(() => {
    const band = <T extends number | string>(axis: ScaleBand<T>, origin: number) => {
      const domain = axis.domain();
      const last = domain.at(-1);
      const ends = last === undefined ? [] : [(axis(last) ?? 0) + axis.bandwidth()];
      return [...domain.map((d) => axis(d) ?? 0), ...ends].map((edge) => edge - origin);
    };
    return { columns: band(x, plot.x), rows: band(y, plot.y) };
  }, [x, y, plot.x, plot.y]);
  const values = useMemo(() => cells.map((cell) => cell.value), [cells]);
  const widthPx = snapEdges([plot.width], scale)[0] ?? 1;
  const heightPx = snapEdges([plot.height], scale)[0] ?? 1;

  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    paintCells(ctx, {
      values,
      columnEdges: edges.columns,
      rowEdges: edges.rows,
      scale,
      colour,
      noData: hatchOf(ctx, theme, scale),
      labels,
    });
  }, [values, edges, scale, colour, theme, labels, widthPx, heightPx]);

  return (
    <foreignObject
      x={plot.x}
      y={plot.y}
      width={plot.width}
      height={plot.height}
      pointerEvents="none"
      aria-hidden="true"
    >
      <canvas
        ref={ref}
        className="cell-canvas"
        data-testid="cell-canvas"
        width={widthPx}
        height={heightPx}
        style={{
          display: 'block',
          width: plot.width,
          height: plot.height,
          // Scaled down to fit the limits, the canvas is stretched: keep the edges hard.
          imageRendering: scale < ratio ? 'pixelated' : undefined,
        }}
      />
    </foreignObject>
  );
});
