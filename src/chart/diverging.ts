import { interpolateLab, piecewise } from 'd3-interpolate';
import { scaleDiverging } from 'd3-scale';
import { schemeRdBu } from 'd3-scale-chromatic';
import type { LegendSpec, LegendTick } from './Legend';

/**
 * The difference palette, 0 (B ahead by 100 points, red) to 1 (A ahead, blue): ColorBrewer's
 * eleven RdBu stops joined in Lab, so 0.5 is their exact neutral grey #f7f7f7. d3's
 * `interpolateRdBu` is a spline through the same stops and leaves 0.5 a warm beige
 * (rgb(242, 239, 238)), which reads as a small difference where there is none.
 */
export const interpolateDifference: (t: number) => string = piecewise(interpolateLab, [
  ...(schemeRdBu[11] ?? []),
]);

/** A difference in −1..1 (A − B) to its colour: zero neutral, blue where A is higher. */
const differenceScale = scaleDiverging<string>(interpolateDifference)
  .domain([-1, 0, 1])
  .clamp(true);

export function colourOfDifference(value: number): string {
  return differenceScale(value);
}

/** Ticks of a −100..+100 points legend; the unit is in the legend's title. */
export const DIFF_TICKS: LegendTick[] = [-1, -0.5, 0, 0.5, 1].map((value) => ({
  at: (value + 1) / 2,
  label: value === 0 ? '0' : `${value > 0 ? '+' : '−'}${Math.abs(value * 100)}`,
}));

/** The legend title of a difference: both runs by their full names, and the unit. */
export function differenceTitle(a: string, b: string): string {
  return `${a} − ${b} (points)`;
}

/** How a difference panel of A − B colours its cells and keys them in its legend. */
export function differenceKey(
  a: string,
  b: string,
): { colour: (value: number) => string; legend: LegendSpec } {
  return {
    colour: colourOfDifference,
    legend: { title: differenceTitle(a, b), interpolate: interpolateDifference, ticks: DIFF_TICKS },
  };
}

/**
 * A difference's label in its cell, in points ("+12", "−3"), or none where the runs agree to
 * the printed point: a grid of "0"s hides the cells that do differ.
 */
export function differenceText(value: number | null): string | undefined {
  if (value === null) return undefined;
  const rounded = Math.round(value * 100);
  if (rounded === 0) return undefined;
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)}`;
}
