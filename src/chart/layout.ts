import { scaleBand, type ScaleBand } from 'd3-scale';
import type { RowKind } from '../core/grid';
import { chooseTicks } from './ticks';

/** Geometry of one heatmap panel, in CSS pixels. Pure: a function of sizes and labels. */
export interface HeatmapLayout {
  /** The panel's width, or more when the columns' minimum width needs it. */
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  /** Columns: context lengths. */
  x: ScaleBand<number>;
  /** Rows: depths (0% at the top) or tasks. */
  y: ScaleBand<number | string>;
  /** The lengths and depths that get a tick label (all of them when they fit). */
  xTicks: number[];
  yTicks: (number | string)[];
  /** Length labels turn 45 degrees only when even the ends do not fit side by side. */
  rotateX: boolean;
  legend: { x: number; y: number; width: number; height: number; titleLines: number };
  /** The row axis title, shortened when the plot is too short for the full one. */
  rowTitle: string;
}

const ROW_TITLES: Record<RowKind, [full: string, short: string]> = {
  depth: ['Needle depth (% of document)', 'Depth (%)'],
  task: ['Task', 'Task'],
};

export interface LayoutInput {
  width: number;
  lengths: readonly number[];
  rows: readonly (number | string)[];
  rowKind: RowKind;
  lengthLabel: (lengthTokens: number) => string;
  rowLabel: (row: number | string) => string;
  /** Room above the plot for "Top of document". */
  depthHints?: boolean;
  /** Room kept above the plot and between it and the legend, for margin strips. */
  gutter?: { top: number; right: number };
  /** Lines the legend title may take beside the bar (a difference names two runs). */
  legendTitleLines?: number;
  /** Room above the plot for the trained-length marker's label. */
  markerLabel?: boolean;
  /** The panel's height, which the rows then fill (an exported figure's aspect); else near square. */
  height?: number;
  /** Size of the axis titles, in pixels. */
  axisTitlePx?: number;
}

const FONT_PX = 12;
/** Average advance of a digit or capital at 12px in the UI font. */
const CHAR_PX = 7;
const ROW_PX = { min: 12, max: 30 };
/** The narrowest a column gets, so a cell can still be tapped; wider sweeps scroll in the panel. */
const MIN_COLUMN_PX = 12;
const LEGEND = { gap: 20, bar: 14, labels: 44, titleLine: 15, minHeight: 110 };
const AXIS_TITLE_PX = 22;
/** Room above the plot for "trained 200K", so the label sits over no cell. */
const MARKER_LABEL_PX = 16;
/** The thinnest a row gets when rows fill a given height. */
const FILL_ROW_MIN_PX = 4;

/** The index of the row nearest 50 % depth, which the axis labels whenever it can. */
function middleDepth(rows: readonly (number | string)[]): number[] {
  let best = -1;
  rows.forEach((row, i) => {
    const current = rows[best];
    if (typeof row !== 'number') return;
    if (typeof current !== 'number' || Math.abs(row - 50) < Math.abs(current - 50)) best = i;
  });
  return best < 0 ? [] : [best];
}

/** Lays out a heatmap of `lengths` x `rows` in a panel `width` wide. */
/** Up to this many columns, every length label is shown flat (the plot widens to fit them). */
const FEW_COLUMNS = 8;

export function heatmapLayout({
  width,
  lengths,
  rows,
  rowKind,
  lengthLabel,
  rowLabel,
  depthHints = false,
  gutter = { top: 0, right: 0 },
  legendTitleLines = 1,
  markerLabel = false,
  height,
  axisTitlePx = 12,
}: LayoutInput): HeatmapLayout {
  const titleLines = Math.max(1, Math.floor(legendTitleLines));
  const titleRoom = AXIS_TITLE_PX + Math.max(0, axisTitlePx - 12);
  const rowChars = Math.max(2, ...rows.map((r) => rowLabel(r).length));
  const lengthChars = Math.max(2, ...lengths.map((l) => lengthLabel(l).length));
  const left = titleRoom + 8 + rowChars * CHAR_PX + 8;
  // Right of the bar: its tick labels and title; a title's further lines each take a line more.
  // (The last line's glyphs reach about 12 px past the width, into the panel's padding.)
  const right =
    gutter.right + LEGEND.gap + LEGEND.bar + LEGEND.labels + (titleLines - 1) * LEGEND.titleLine;
  const top =
    (depthHints && rowKind === 'depth' ? 24 : 8) + gutter.top + (markerLabel ? MARKER_LABEL_PX : 0);

  // A few columns (LongBench v2's three buckets) always get room for every label flat: thinning
  // three labels to two would hide a column's name for a few pixels.
  const flatLengthPx = lengthChars * CHAR_PX + 8;
  const fewColumns = lengths.length <= FEW_COLUMNS ? lengths.length * flatLengthPx : 0;
  const plotWidth = Math.max(120, width - left - right, lengths.length * MIN_COLUMN_PX, fewColumns);
  const columnPx = plotWidth / Math.max(1, lengths.length);
  const xChoice = chooseTicks(lengths, {
    bandPx: columnPx,
    flatPx: flatLengthPx,
    rotatedPx: FONT_PX + 2,
  });
  const rotateX = xChoice.rotate;
  const xLabelPx = rotateX ? Math.ceil(lengthChars * CHAR_PX * 0.72) + 10 : FONT_PX + 8;
  const bottom = xLabelPx + titleRoom + 10;

  // Rows as near square as the width allows, within readable bounds, like the published figures.
  const rowPx =
    height === undefined
      ? Math.min(
          ROW_PX.max,
          Math.max(ROW_PX.min, Math.min(columnPx * 0.75, 420 / Math.max(1, rows.length))),
        )
      : Math.max(FILL_ROW_MIN_PX, (height - top - bottom) / Math.max(1, rows.length));
  const plotHeight = rowPx * Math.max(1, rows.length);

  const x = scaleBand<number>()
    .domain(lengths)
    .range([left, left + plotWidth]);
  const y = scaleBand<number | string>()
    .domain(rows)
    .range([top, top + plotHeight]);

  const [title, shortTitle] = ROW_TITLES[rowKind];
  // A one- or two-row matrix still gets a legend tall enough to read its ticks and title.
  const legendHeight = Math.max(plotHeight, LEGEND.minHeight);
  const yChoice = chooseTicks(rows, {
    bandPx: rowPx,
    flatPx: FONT_PX + 1,
    rotatedPx: null,
    keep: rowKind === 'depth' ? middleDepth(rows) : [],
  });

  return {
    width: Math.max(width, left + plotWidth + right),
    height: Math.max(top + plotHeight + bottom, top + legendHeight + 8),
    plot: { x: left, y: top, width: plotWidth, height: plotHeight },
    x,
    y,
    xTicks: xChoice.ticks,
    yTicks: yChoice.ticks,
    rotateX,
    legend: {
      x: left + plotWidth + gutter.right + LEGEND.gap,
      y: top,
      width: LEGEND.bar,
      height: legendHeight,
      titleLines,
    },
    rowTitle: title.length * CHAR_PX <= plotHeight ? title : shortTitle,
  };
}
