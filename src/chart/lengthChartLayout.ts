import { scaleLinear, scaleLog, type ScaleContinuousNumeric, type ScaleLinear } from 'd3-scale';
import { isGeometricSweep } from '../core/bins';
import type { Interval } from '../core/intervals';

/** Geometry of the score-by-length chart, in CSS pixels. Pure: a function of sizes and labels. */
export interface LengthChartLayout {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  /** Context length to x, linear or logarithmic as asked. */
  x: ScaleContinuousNumeric<number, number>;
  log: boolean;
  /** Score 0..1 to y, 100% at the top; clamped, so an interval past 0..1 stops at the frame. */
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
  /** The length axis; a log axis needs lengths above 0, else it is linear. */
  scale: LengthScale;
}

/** A length axis. */
export type LengthScale = 'linear' | 'log';

/** The length axis a user picks: auto follows {@link defaultLengthScale}. */
export type LengthScaleChoice = 'auto' | LengthScale;

/**
 * The length axis a sweep gets unless the user sets one: log for geometric sweeps (4K, 8K,
 * 16K), where a linear axis would crowd the short lengths into its left edge; linear for even
 * ones (Claude 2.1's 1K to 200K in equal steps), which a log axis crowds into its right third.
 */
export function defaultLengthScale(lengths: readonly number[]): LengthScale {
  return isGeometricSweep(lengths) ? 'log' : 'linear';
}

/** Average advance of a digit or capital at 12px in the UI font. */
const CHAR_PX = 7;
const TICK_GAP_PX = 10;
const AXIS_TITLE_PX = 22;
/** Room between the axes and the first and last points, so no marker sits on an axis. */
const INSET_PX = 12;
const Y_TICKS = [0, 0.25, 0.5, 0.75, 1];

/** Lays out a score-by-length chart of `lengths` in a panel `width` wide. */
export function lengthChartLayout({
  width,
  lengths,
  lengthLabel,
  scale,
}: LengthChartInput): LengthChartLayout {
  const first = lengths[0] ?? 1;
  const last = lengths.at(-1) ?? first;
  const log = scale === 'log' && first > 0;
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
    .range([top + plotHeight, top])
    .clamp(true);

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

/** A point of a series: a length, its figure and its interval where known. */
export interface SeriesPoint {
  lengthTokens: number;
  value: number;
  interval: Interval | null;
}

/**
 * An SVG path through points in length order: straight segments, as the figures are samples.
 * `dx` moves the whole series sideways (see {@link dodge}).
 */
export function linePath(
  layout: LengthChartLayout,
  points: readonly { lengthTokens: number; value: number }[],
  dx = 0,
): string {
  return points
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${round(layout.x(p.lengthTokens) + dx)},${round(layout.y(p.value))}`,
    )
    .join('');
}

/**
 * The band of a series' intervals: one closed area per run of neighbouring points that have an
 * interval (a point without one breaks the band rather than being bridged).
 */
export function bandPath(
  layout: LengthChartLayout,
  points: readonly SeriesPoint[],
  dx = 0,
): string {
  const runs: { lengthTokens: number; interval: Interval }[][] = [[]];
  for (const p of points) {
    const current = runs.at(-1) ?? [];
    if (p.interval) current.push({ lengthTokens: p.lengthTokens, interval: p.interval });
    else if (current.length > 0) runs.push([]);
  }
  return runs
    .filter((run) => run.length > 1)
    .map((run) => {
      const at = (p: (typeof run)[number], edge: number) =>
        `${round(layout.x(p.lengthTokens) + dx)},${round(layout.y(edge))}`;
      const upper = run.map((p, i) => `${i === 0 ? 'M' : 'L'}${at(p, p.interval.upper)}`);
      const lower = [...run].reverse().map((p) => `L${at(p, p.interval.lower)}`);
      return `${upper.join('')}${lower.join('')}Z`;
    })
    .join('');
}

/**
 * Each series' sideways offset in pixels, so that runs with the same figures (a run loaded
 * twice, two models at 100 %) show side by side instead of one hiding the other. A few pixels
 * at most: the length a point stands for stays plain.
 */
export function dodge(count: number, step = 3, spread = 12): number[] {
  const px = count > 1 ? Math.min(step, spread / (count - 1)) : 0;
  return Array.from({ length: count }, (_, i) => (i - (count - 1) / 2) * px);
}

/** Two decimals are sub-pixel: enough for the eye, short in an exported SVG. */
function round(px: number): number {
  return Math.round(px * 100) / 100;
}
