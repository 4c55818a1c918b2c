import { memo, useId, useMemo, type ReactNode } from 'react';
import type { FigureOptions } from './figureOptions';
import { LengthAxis, RowAxis } from './Axis';
import { CellCanvas } from './CellCanvas';
import { drawsOnCanvas } from './cellPaint';
import { shadesOf, shadeStyle } from './cellShades';
import { CellRects, Gridlines, SignificanceMarks, type CellFill } from './HeatmapCells';
import type { HeatmapLayout } from './layout';
import type { PlotCell } from './plotCell';
import {
  labelColour,
  trainedEdgeX,
  trainedLabelAnchor,
  valueLabelFit,
  widestValue,
} from './figureMarks';
import { Legend, type LegendSpec } from './Legend';
import { LegendStops } from './LegendStops';
import type { FigureTheme } from './theme';

export interface HeatmapBodyProps {
  layout: HeatmapLayout;
  cells: PlotCell[];
  colour: (value: number) => string;
  legend: LegendSpec;
  theme: FigureTheme;
  options: FigureOptions;
  lengthLabel: (lengthTokens: number) => string;
  rowLabel: (row: number | string) => string;
  /** The cell in the tab order (on screen); undefined draws a static figure (exports). */
  tabStop?: number;
  /** Drawn over the cells, e.g. each length's mean. */
  overlay?: ReactNode;
  /** The grid's name for assistive technology (on screen). */
  gridLabel?: string;
  /** The length axis title, where the lengths are not tokens. */
  lengthTitle?: string;
  /** Drawn over a canvas of cells (on screen, past 2,000 cells): the hovered and focused cells. */
  marks?: ReactNode;
}

/** Rects over a canvas are not filled. */
const CANVAS_FILL: CellFill = { kind: 'canvas' };

/** The label a cell shows when value labels are on: none without data, or at 100% in "below100". */
function valueLabel(cell: PlotCell, valueLabels: FigureOptions['valueLabels']): string | undefined {
  return cell.value !== null && !(valueLabels === 'below100' && cell.value >= 1)
    ? cell.valueText
    : undefined;
}

/**
 * Everything inside a heatmap's SVG: cells (with the data attributes tools read), value
 * labels, marks, the trained-length marker, axes and legend. Drawn with presentation
 * attributes from the theme, so the screen and exported files share it.
 */
export const HeatmapBody = memo(function HeatmapBody({
  layout,
  cells,
  colour,
  legend,
  theme,
  options,
  lengthLabel,
  rowLabel,
  tabStop,
  overlay,
  gridLabel,
  lengthTitle,
  marks,
}: HeatmapBodyProps) {
  const hatch = useId();
  const { x, y } = layout;
  const w = x.bandwidth();
  const h = y.bandwidth();
  const interactive = tabStop !== undefined;
  const values = valueLabelFit(layout, widestValue(cells));
  const labelSize = values.fontPx;
  const trainedX =
    options.trainedLength === null ? null : trainedEdgeX(layout, options.trainedLength);
  // On screen, big grids paint on a canvas and small ones fill from their shades' custom
  // properties: either way a recolour re-renders no cell. Files fill each rect.
  const onCanvas = interactive && drawsOnCanvas(cells.length);
  const shades = useMemo(
    () => (interactive && !onCanvas ? shadesOf(cells.map((cell) => cell.value)) : null),
    [interactive, onCanvas, cells],
  );
  const shadeFill = useMemo<CellFill | null>(() => shades && { kind: 'shade', shades }, [shades]);
  const fill: CellFill = onCanvas ? CANVAS_FILL : (shadeFill ?? { kind: 'colour', colour });
  const shading = useMemo(() => shades && shadeStyle(shades, colour), [shades, colour]);
  const showLabels = options.valueLabels !== 'off' && values.fits;
  const { valueLabels } = options;
  const canvasLabels = useMemo(
    () =>
      onCanvas && showLabels
        ? {
            texts: cells.map((cell) => valueLabel(cell, valueLabels)),
            font: `${labelSize}px ${theme.fontFamily}`,
          }
        : undefined,
    [onCanvas, showLabels, cells, valueLabels, labelSize, theme.fontFamily],
  );
  return (
    <>
      <g
        className="cells"
        role={interactive ? 'grid' : undefined}
        aria-label={interactive ? gridLabel : undefined}
        style={shading ?? undefined}
      >
        <defs>
          <pattern
            id={hatch}
            width={6}
            height={6}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width={6} height={6} fill={theme.noDataFill} />
            <line x1={0} y1={0} x2={0} y2={6} stroke={theme.noDataHatch} strokeWidth={2} />
          </pattern>
        </defs>
        <CellRects
          layout={layout}
          cells={cells}
          fill={fill}
          hatch={hatch}
          stroke={options.gridlines && !onCanvas ? theme.gap : undefined}
          tabStop={tabStop}
        />
        {/* The canvas lies over the rects, which take the pointer and focus through it: elements
            painted over a composited canvas are each tested for overlap with it on every
            repaint (Chromium's layerization: 15 s a recolour at 90,000 cells, measured). */}
        {onCanvas && (
          <CellCanvas
            layout={layout}
            cells={cells}
            colour={colour}
            theme={theme}
            labels={canvasLabels}
          />
        )}
        {onCanvas && options.gridlines && <Gridlines layout={layout} theme={theme} />}
      </g>
      {showLabels && !onCanvas && (
        <g
          className="value-labels"
          textAnchor="middle"
          fontSize={labelSize}
          pointerEvents="none"
          aria-hidden="true"
        >
          {cells.map((cell) => {
            const text = valueLabel(cell, valueLabels);
            return cell.value !== null && text ? (
              <text
                key={`v|${cell.row}|${cell.lengthTokens}`}
                x={(x(cell.lengthTokens) ?? 0) + w / 2}
                y={(y(cell.row) ?? 0) + h / 2}
                dominantBaseline="central"
                fill={labelColour(colour(cell.value))}
              >
                {text}
              </text>
            ) : null;
          })}
        </g>
      )}
      <SignificanceMarks layout={layout} cells={cells} theme={theme} onePath={onCanvas} />
      {onCanvas && marks}
      {overlay}
      {trainedX !== null && options.trainedLength !== null && (
        <g className="trained-length" data-testid="trained-length" pointerEvents="none">
          <line
            x1={trainedX}
            x2={trainedX}
            y1={layout.plot.y - 3}
            y2={layout.plot.y + layout.plot.height}
            stroke={theme.marker}
            strokeWidth={1.5}
            strokeDasharray="5 4"
          />
          {/* Above the plot (the layout leaves room), so it covers no cell of the first row. */}
          <text
            x={trainedX}
            textAnchor={trainedLabelAnchor(layout, trainedX)}
            y={layout.plot.y - (options.depthHints ? 22 : 6)}
            fontSize={11}
            fill={theme.marker}
            fontWeight={600}
          >
            trained {lengthLabel(options.trainedLength)}
          </text>
        </g>
      )}
      <LengthAxis layout={layout} lengthLabel={lengthLabel} theme={theme} title={lengthTitle} />
      <RowAxis layout={layout} rowLabel={rowLabel} theme={theme} depthHints={options.depthHints} />
      {options.legend === 'stops' ? (
        <LegendStops layout={layout} spec={legend} theme={theme} />
      ) : (
        <Legend layout={layout} spec={legend} theme={theme} />
      )}
    </>
  );
});
