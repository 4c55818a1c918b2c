/** Where a heatmap's marks go: the trained-length marker and the values in cells. Pure. */
import { color } from 'd3-color';
import type { HeatmapLayout } from './layout';

/**
 * The x of the trained-length marker: the edge between the last column within the trained
 * length and the first beyond it, so the line runs between cells rather than through one. At
 * the plot's right edge when the trained length is the last column's, at its left edge when
 * every column is beyond it; null when it is beyond the last column (nothing to mark).
 */
export function trainedEdgeX(layout: HeatmapLayout, trainedTokens: number): number | null {
  const lengths = layout.x.domain();
  const last = lengths.at(-1);
  if (last === undefined || trainedTokens > last) return null;
  const beyond = lengths.findIndex((length) => length > trainedTokens);
  const { x, width } = layout.plot;
  if (beyond === -1) return x + width;
  const first = lengths[beyond];
  return first === undefined ? null : (layout.x(first) ?? x);
}

/** How the marker's label lines up with the marker: inward from either end of the plot. */
export function trainedLabelAnchor(
  layout: HeatmapLayout,
  markerX: number,
): 'start' | 'middle' | 'end' {
  const { x, width } = layout.plot;
  if (markerX > x + width * 0.75) return 'end';
  if (markerX < x + width * 0.25) return 'start';
  return 'middle';
}

/** Width of a label in em of Inter's digits and "%": about 0.6 em a digit, 0.85 em a "%". */
function labelEm(text: string): number {
  let em = 0;
  for (const char of text) em += char === '%' ? 0.85 : char === '+' || char === '−' ? 0.62 : 0.6;
  return em;
}

/** The smallest type a value in a cell is printed in; below it the figure says so instead. */
export const MIN_VALUE_PX = 7;

/**
 * The type size of values in cells: as large as the widest label (`widest`, e.g. "100%") fits
 * in a cell with a little margin, at most 13 px. `fits` is false when that is below
 * {@link MIN_VALUE_PX}: the values are left out, and the figure notes it.
 */
export function valueLabelFit(
  layout: HeatmapLayout,
  widest: string,
): { fontPx: number; fits: boolean } {
  const w = layout.x.bandwidth();
  const h = layout.y.bandwidth();
  const fontPx = Math.min(h * 0.6, (w * 0.88) / Math.max(1, labelEm(widest)), 13);
  return { fontPx, fits: fontPx >= MIN_VALUE_PX };
}

/** The longest value label of the cells, which sets the type size of all of them. */
export function widestValue(cells: readonly { valueText?: string }[]): string {
  let widest = '';
  for (const cell of cells) {
    if (cell.valueText && cell.valueText.length > widest.length) widest = cell.valueText;
  }
  return widest;
}

/** Relative luminance (WCAG 2) of a CSS colour, or null when it cannot be read. */
export function luminance(fill: string): number | null {
  const rgb = color(fill)?.rgb();
  if (!rgb) return null;
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(rgb.r) + 0.7152 * lin(rgb.g) + 0.0722 * lin(rgb.b);
}

const DARK_TEXT = '#111111';
const LIGHT_TEXT = '#ffffff';

/** Text on a cell: dark or light, whichever contrasts more with the fill (WCAG ratio). */
export function labelColour(fill: string): string {
  const l = luminance(fill);
  if (l === null) return DARK_TEXT;
  const onLight = (l + 0.05) / ((luminance(DARK_TEXT) ?? 0) + 0.05);
  const onDark = 1.05 / (l + 0.05);
  return onLight >= onDark ? DARK_TEXT : LIGHT_TEXT;
}
