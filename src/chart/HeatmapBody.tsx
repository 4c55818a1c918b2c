import { memo, useId, type ReactNode } from 'react';
import type { FigureOptions } from './figureOptions';
import { LengthAxis, RowAxis } from './Axis';
import {
  labelColour,
  trainedEdgeX,
  trainedLabelAnchor,
  valueLabelFit,
  widestValue,
} from './figureMarks';
import type { HeatmapLayout } from './layout';
import { Legend, type LegendSpec } from './Legend';
import { LegendStops } from './LegendStops';
import type { FigureTheme } from './theme';

/** One cell as a plot draws it; the grid's rows and lengths come from the layout. */
export interface PlotCell {
  lengthTokens: number;
  /** The upper edge of the cell's length bin, where the cell is a bin. */
  lengthTo?: number;
  row: number | string;
  /** The upper edge of the cell's depth band, where the cell is a bin. */
  depthTo?: number;
  /** The task the cell shows, where a figure shows one task. */
  task?: string;
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
  /** The cell's label when value labels are on, e.g. "85" (percent) or "-12" (points). */
  valueText?: string;
}

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
}

/** The cells in rows of `columns`, each with its index in the whole list. */
function rowsOf(cells: PlotCell[], columns: number): { cell: PlotCell; index: number }[][] {
  const rows: { cell: PlotCell; index: number }[][] = [];
  cells.forEach((cell, index) => {
    const r = Math.floor(index / Math.max(1, columns));
    (rows[r] ??= []).push({ cell, index });
  });
  return rows;
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
}: HeatmapBodyProps) {
  const hatch = useId();
  const { x, y } = layout;
  const w = x.bandwidth();
  const h = y.bandwidth();
  const interactive = tabStop !== undefined;
  const values = valueLabelFit(layout, widestValue(cells));
  const trainedX =
    options.trainedLength === null ? null : trainedEdgeX(layout, options.trainedLength);
  return (
    <>
      <g
        className="cells"
        role={interactive ? 'grid' : undefined}
        aria-label={interactive ? gridLabel : undefined}
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
        {rowsOf(cells, x.domain().length).map((row, r) => (
          // On screen the cells form an ARIA grid of rows; in files the groups are plain.
          <g key={r} role={interactive ? 'row' : undefined}>
            {row.map(({ cell, index }) => (
              <rect
                key={`${cell.row}|${cell.lengthTokens}`}
                x={x(cell.lengthTokens)}
                y={y(cell.row)}
                width={w}
                height={h}
                fill={cell.value === null ? `url(#${hatch})` : colour(cell.value)}
                stroke={options.gridlines ? theme.gap : undefined}
                strokeWidth={options.gridlines ? 1 : undefined}
                tabIndex={interactive ? (index === tabStop ? 0 : -1) : undefined}
                role={interactive ? 'gridcell' : undefined}
                aria-label={interactive ? cell.label : undefined}
                data-index={index}
                data-length={cell.lengthTokens}
                data-length-to={cell.lengthTo}
                data-depth={typeof cell.row === 'number' ? cell.row : undefined}
                data-depth-to={cell.depthTo}
                data-task={typeof cell.row === 'string' ? cell.row : cell.task}
                data-value={cell.value ?? undefined}
                data-n={cell.n}
                data-failed={cell.failed || undefined}
                data-significant={cell.significant || undefined}
              />
            ))}
          </g>
        ))}
      </g>
      {options.valueLabels !== 'off' && values.fits && (
        <g
          className="value-labels"
          textAnchor="middle"
          fontSize={values.fontPx}
          pointerEvents="none"
          aria-hidden="true"
        >
          {cells.map((cell) =>
            cell.value !== null &&
            cell.valueText &&
            !(options.valueLabels === 'below100' && cell.value >= 1) ? (
              <text
                key={`v|${cell.row}|${cell.lengthTokens}`}
                x={(x(cell.lengthTokens) ?? 0) + w / 2}
                y={(y(cell.row) ?? 0) + h / 2}
                dominantBaseline="central"
                fill={labelColour(colour(cell.value))}
              >
                {cell.valueText}
              </text>
            ) : null,
          )}
        </g>
      )}
      <g className="significance" pointerEvents="none" aria-hidden="true">
        {cells.map((cell) =>
          cell.significant ? (
            <circle
              key={`s|${cell.row}|${cell.lengthTokens}`}
              cx={(x(cell.lengthTokens) ?? 0) + w / 2}
              cy={(y(cell.row) ?? 0) + h / 2}
              r={Math.max(1.5, Math.min(w, h) * 0.14)}
              fill={theme.text}
              stroke={theme.background}
              strokeWidth={1}
            />
          ) : null,
        )}
      </g>
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
