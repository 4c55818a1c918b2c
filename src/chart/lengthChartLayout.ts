import { scaleLinear, scaleLog, type ScaleContinuousNumeric, type ScaleLinear } from 'd3-scale';

/** Geometry of the score-by-length chart, in CSS pixels. Pure: a function of sizes and labels. */
export interface LengthChartLayout {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  /** Context length to x: logarithmic for sweeps spanning a factor of 8 or more. */
  x: ScaleContinuousNumeric<number, number>;
  log: boolean;
  /** Score 0..1 to y, 100% at the top. */
  y: ScaleLinear<number, number>;
  /** The lengths that get a tick label: all of them where they fit, thinned where not. */
  xTicks: number[];
  yTicks: number[];
}

export interface LengthChartInput {
  width: number;
  /** The lengths drawn, ascending. */
  lengths: readonly number[];
  lengthLabel: (lengthTokens: number) => string;
}

/** Average advance of a digit or capital at 12px in the UI font. */
const CHAR_PX = 7;
const TICK_GAP_PX = 10;
const AXIS_TITLE_PX = 22;
/** Room between the axes and the first and last points, so no marker sits on an axis. */
const INSET_PX = 12;
const Y_TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Sweeps whose longest length is this many times the shortest get a log axis. */
const LOG_RATIO = 8;

/** Lays out a score-by-length chart of `lengths` in a panel `width` wide. */
export function lengthChartLayout({
  width,
  lengths,
  lengthLabel,
}: LengthChartInput): LengthChartLayout {
  const first = lengths[0] ?? 1;
  const last = lengths.at(-1) ?? first;
  const log = first > 0 && last / first >= LOG_RATIO;
  const lastLabelPx = lengthLabel(last).length * CHAR_PX;

  const left = AXIS_TITLE_PX + 8 + '100%'.length * CHAR_PX + 8;
  const right = Math.max(16, lastLabelPx / 2 - INSET_PX + 4);
  const top = 14;
  const bottom = 8 + 12 + 12 + AXIS_TITLE_PX;
  const plotWidth = Math.max(160, width - left - right);
  // Wide and short, as line charts in papers are; tall enough to read 5-point differences.
  const plotHeight = Math.round(Math.min(320, Math.max(180, plotWidth * 0.4)));

  const x = (log ? scaleLog() : scaleLinear())
    .domain([first, last])
    .range([left + INSET_PX, left + plotWidth - INSET_PX]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([top + plotHeight, top]);

  return {
    width,
    height: top + plotHeight + bottom,
    plot: { x: left, y: top, width: plotWidth, height: plotHeight },
    x,
    log,
    y,
    xTicks: thinTicks(lengths, x, lengthLabel),
    yTicks: Y_TICKS,
  };
}

/**
 * The lengths whose labels fit side by side under `x`, first to last; the longest length is
 * always labelled, as it is the one readers look for, at the cost of the ticks it would hit.
 */
export function thinTicks(
  lengths: readonly number[],
  x: (lengthTokens: number) => number,
  lengthLabel: (lengthTokens: number) => string,
): number[] {
  const half = (l: number) => (lengthLabel(l).length * CHAR_PX) / 2;
  const clear = (a: number, b: number) => x(b) - half(b) >= x(a) + half(a) + TICK_GAP_PX;
  const kept: number[] = [];
  for (const length of lengths) {
    const previous = kept.at(-1);
    if (previous === undefined || clear(previous, length)) kept.push(length);
  }
  const end = lengths.at(-1);
  if (end !== undefined && kept.at(-1) !== end) {
    while (kept.length > 0 && !clear(kept.at(-1) ?? end, end)) kept.pop();
    kept.push(end);
  }
  return kept;
}

/** Where the threshold line's label sits: just above the line, or below it near the top. */
export function thresholdLabelY(layout: LengthChartLayout, threshold: number): number {
  const lineY = layout.y(threshold);
  return lineY - 6 < layout.plot.y + 12 ? lineY + 15 : lineY - 6;
}

/** A threshold as the user typed it, without padding zeros: 0.85 -> "85%", 0.875 -> "87.5%". */
export function thresholdPercent(threshold: number): string {
  return `${Math.round(threshold * 1000) / 10}%`;
}

/** An SVG path through points in length order: straight segments, as the means are samples. */
export function linePath(
  layout: LengthChartLayout,
  points: readonly { lengthTokens: number; mean: number }[],
): string {
  return points
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${round(layout.x(p.lengthTokens))},${round(layout.y(p.mean))}`,
    )
    .join('');
}

/** Two decimals are sub-pixel: enough for the eye, short in an exported SVG. */
function round(px: number): number {
  return Math.round(px * 100) / 100;
}
