import { scaleBand, type ScaleBand } from 'd3-scale';

/** Geometry of one heatmap panel, in CSS pixels. Pure: a function of sizes and labels. */
export interface HeatmapLayout {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  /** Columns: context lengths. */
  x: ScaleBand<number>;
  /** Rows: depths, 0% at the top. */
  y: ScaleBand<number>;
  /** The lengths and depths that get a tick label (all of them when they fit). */
  xTicks: number[];
  yTicks: number[];
  /** Length labels turn 45 degrees when they do not fit side by side. */
  rotateX: boolean;
  legend: { x: number; y: number; width: number; height: number };
  /** The depth axis title, shortened when the plot is too short for the full one. */
  depthTitle: string;
}

const DEPTH_TITLE = 'Needle depth (% of document)';
const DEPTH_TITLE_SHORT = 'Depth (%)';

export interface LayoutInput {
  width: number;
  lengths: readonly number[];
  depths: readonly number[];
  lengthLabel: (lengthTokens: number) => string;
  depthLabel: (depthPercent: number) => string;
}

const FONT_PX = 12;
/** Average advance of a digit or capital at 12px in the UI font. */
const CHAR_PX = 7;
const ROW_PX = { min: 10, max: 30 };
const LEGEND = { gap: 20, bar: 14, labels: 44 };
const AXIS_TITLE_PX = 22;

/** Every `step`-th item, starting with the first. */
function every<T>(items: readonly T[], step: number): T[] {
  return items.filter((_, i) => i % step === 0);
}

/** Lays out a heatmap of `lengths` x `depths` in a panel `width` wide. */
export function heatmapLayout({
  width,
  lengths,
  depths,
  lengthLabel,
  depthLabel,
}: LayoutInput): HeatmapLayout {
  const depthChars = Math.max(2, ...depths.map((d) => depthLabel(d).length));
  const lengthChars = Math.max(2, ...lengths.map((l) => lengthLabel(l).length));
  const left = AXIS_TITLE_PX + 8 + depthChars * CHAR_PX + 8;
  const right = LEGEND.gap + LEGEND.bar + LEGEND.labels;
  const top = 8;

  const plotWidth = Math.max(120, width - left - right);
  const columnPx = plotWidth / Math.max(1, lengths.length);
  const rotateX = columnPx < lengthChars * CHAR_PX + 8;
  const xLabelPx = rotateX ? Math.ceil(lengthChars * CHAR_PX * 0.72) + 10 : FONT_PX + 8;
  const bottom = xLabelPx + AXIS_TITLE_PX + 10;

  // Rows as near square as the width allows, within readable bounds, like the published figures.
  const rowPx = Math.min(
    ROW_PX.max,
    Math.max(ROW_PX.min, Math.min(columnPx * 0.75, 420 / Math.max(1, depths.length))),
  );
  const plotHeight = rowPx * Math.max(1, depths.length);

  const x = scaleBand<number>()
    .domain(lengths)
    .range([left, left + plotWidth]);
  const y = scaleBand<number>()
    .domain(depths)
    .range([top, top + plotHeight]);

  const xStep = rotateX ? Math.ceil((FONT_PX + 2) / columnPx) : 1;
  const yStep = Math.ceil((FONT_PX + 1) / rowPx);

  return {
    width,
    height: top + plotHeight + bottom,
    plot: { x: left, y: top, width: plotWidth, height: plotHeight },
    x,
    y,
    xTicks: every(lengths, xStep),
    yTicks: every(depths, yStep),
    rotateX,
    legend: { x: left + plotWidth + LEGEND.gap, y: top, width: LEGEND.bar, height: plotHeight },
    depthTitle: DEPTH_TITLE.length * CHAR_PX <= plotHeight ? DEPTH_TITLE : DEPTH_TITLE_SHORT,
  };
}
