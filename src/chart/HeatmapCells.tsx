import { memo, useMemo } from 'react';
import { shadeFill, type CellShades } from './cellShades';
import type { PlotCell } from './plotCell';
import type { HeatmapLayout } from './layout';
import type { FigureTheme } from './theme';

/**
 * How the cells' rects are filled: with their colours (files), from their shade's custom
 * property (SVG on screen), or not at all (a canvas under them shows the colours).
 */
export type CellFill =
  | { kind: 'colour'; colour: (value: number) => string }
  | { kind: 'shade'; shades: CellShades }
  | { kind: 'canvas' };

export interface CellRectsProps {
  layout: HeatmapLayout;
  cells: PlotCell[];
  fill: CellFill;
  /** The id of the hatch pattern of cells without data. */
  hatch: string;
  /** The gridlines' colour on each rect, or undefined for none. */
  stroke: string | undefined;
  /** The cell in the tab order (on screen); undefined draws a static figure (exports). */
  tabStop?: number;
}

interface CellRowProps extends Omit<CellRectsProps, 'cells' | 'tabStop'> {
  cells: readonly PlotCell[];
  /** The index of the row's first cell in the grid. */
  first: number;
  /** The grid's tab stop when it is in this row, else -1; undefined for a static figure. */
  tabStop?: number;
}

/**
 * One row of cells, each a rect with the data attributes tools read. Memoised: moving the tab
 * stop redraws the rows it leaves and enters, and a recolour on screen redraws none.
 */
const CellRow = memo(function CellRow({
  layout,
  cells,
  first,
  fill,
  hatch,
  stroke,
  tabStop,
}: CellRowProps) {
  const { x, y } = layout;
  const interactive = tabStop !== undefined;
  const onCanvas = fill.kind === 'canvas';
  return (
    // On screen the cells form an ARIA grid of rows; in files the groups are plain. Over a
    // canvas the rects are unpainted but still take the pointer.
    <g
      role={interactive ? 'row' : undefined}
      fill={onCanvas ? 'none' : undefined}
      pointerEvents={onCanvas ? 'all' : undefined}
    >
      {cells.map((cell, i) => {
        const index = first + i;
        const shade = fill.kind === 'shade' ? (fill.shades.ofCell[index] ?? -1) : -1;
        return (
          <rect
            key={`${cell.row}|${cell.lengthTokens}`}
            x={x(cell.lengthTokens)}
            y={y(cell.row)}
            width={x.bandwidth()}
            height={y.bandwidth()}
            fill={
              onCanvas
                ? undefined
                : cell.value === null
                  ? `url(#${hatch})`
                  : fill.kind === 'colour'
                    ? fill.colour(cell.value)
                    : undefined
            }
            style={shade >= 0 ? shadeFill(shade) : undefined}
            stroke={stroke}
            strokeWidth={stroke ? 1 : undefined}
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
        );
      })}
    </g>
  );
});

/** The cells in rows of the grid's columns, as rects: drawn or, over a canvas, data only. */
export const CellRects = memo(function CellRects({ cells, tabStop, ...rest }: CellRectsProps) {
  const columns = Math.max(1, rest.layout.x.domain().length);
  const rows = useMemo(() => {
    const list: PlotCell[][] = [];
    for (let first = 0; first < cells.length; first += columns) {
      list.push(cells.slice(first, first + columns));
    }
    return list;
  }, [cells, columns]);
  return rows.map((row, r) => {
    const first = r * columns;
    const inRow = tabStop !== undefined && tabStop >= first && tabStop < first + columns;
    return (
      <CellRow
        key={r}
        {...rest}
        cells={row}
        first={first}
        tabStop={tabStop === undefined ? undefined : inRow ? tabStop : -1}
      />
    );
  });
});

/**
 * Lines between the cells of a canvas, in the gridlines' colour (the page's, by CSS): one path,
 * so the browser composites one element over the canvas rather than a line per column and row.
 */
export const Gridlines = memo(function Gridlines({
  layout,
  theme,
}: {
  layout: HeatmapLayout;
  theme: FigureTheme;
}) {
  const { x, y, plot } = layout;
  const right = plot.x + plot.width;
  const bottom = plot.y + plot.height;
  const columns = [...x.domain().map((length) => x(length) ?? 0), right];
  const rows = [...y.domain().map((row) => y(row) ?? 0), bottom];
  const d = [
    ...columns.map((at) => `M${at},${plot.y}V${bottom}`),
    ...rows.map((at) => `M${plot.x},${at}H${right}`),
  ].join('');
  return (
    <path
      className="gridlines"
      d={d}
      fill="none"
      stroke={theme.gap}
      strokeWidth={1}
      pointerEvents="none"
      aria-hidden="true"
    />
  );
});

/**
 * Outlines of the hovered and focused cells over a canvas, which hides the rects' own hover
 * and focus styles (the rects lie under it).
 */
export function CellMarks({
  layout,
  cells,
  hovered,
  focused,
}: {
  layout: HeatmapLayout;
  cells: readonly PlotCell[];
  hovered: number | null;
  focused: number | null;
}) {
  const { x, y } = layout;
  const marks = [
    { index: focused, className: 'cell-mark cell-mark-focus' },
    { index: hovered, className: 'cell-mark cell-mark-hover' },
  ];
  return (
    <g pointerEvents="none" aria-hidden="true" fill="none">
      {marks.map(({ index, className }) => {
        const cell = index === null ? undefined : cells[index];
        return cell ? (
          <rect
            key={className}
            className={className}
            x={x(cell.lengthTokens)}
            y={y(cell.row)}
            width={x.bandwidth()}
            height={y.bandwidth()}
          />
        ) : null;
      })}
    </g>
  );
}

/**
 * A dot on each cell that differs beyond chance (the difference view): a circle each, or over a
 * canvas one path of them all (one element for the browser to composite over it).
 */
export const SignificanceMarks = memo(function SignificanceMarks({
  layout,
  cells,
  theme,
  onePath = false,
}: {
  layout: HeatmapLayout;
  cells: PlotCell[];
  theme: FigureTheme;
  onePath?: boolean;
}) {
  const { x, y } = layout;
  const w = x.bandwidth();
  const h = y.bandwidth();
  const r = Math.max(1.5, Math.min(w, h) * 0.14);
  const centres = cells
    .filter((cell) => cell.significant)
    .map((cell) => ({
      key: `s|${cell.row}|${cell.lengthTokens}`,
      cx: (x(cell.lengthTokens) ?? 0) + w / 2,
      cy: (y(cell.row) ?? 0) + h / 2,
    }));
  const dot = { fill: theme.text, stroke: theme.background, strokeWidth: 1 };
  return (
    <g className="significance" pointerEvents="none" aria-hidden="true">
      {onePath
        ? centres.length > 0 && (
            <path
              {...dot}
              d={centres
                .map(
                  ({ cx, cy }) =>
                    `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`,
                )
                .join('')}
            />
          )
        : centres.map(({ key, cx, cy }) => <circle key={key} cx={cx} cy={cy} r={r} {...dot} />)}
    </g>
  );
});
