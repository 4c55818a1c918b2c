/**
 * How runs are told apart in charts and tables: a colour, a dash and a marker shape, each
 * cycling on its own, so two runs never share all three and overlapping lines stay apart.
 *
 * The colours are Okabe & Ito's categorical palette (https://jfly.uni-koeln.de/color/), which
 * reads for the common colour-vision deficiencies, kept at a middle lightness so each has at
 * least 3:1 contrast on the white page and on the dark one (WCAG 1.4.11 for graphics): the
 * yellow (1.3:1 on white) is left out, orange and sky blue are darkened, and black (1.2:1 on
 * the dark page) becomes a grey.
 */
export const RUN_PALETTE = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#B07A00', // orange, darkened
  '#3C8FCF', // sky blue, darkened
  '#7F7F7F', // grey, for black
] as const;

/** SVG `stroke-dasharray`s, cycled by position; the first is solid. */
const DASHES = [undefined, '7 4', '2 3', '9 3 2 3'] as const;

/** Point markers, cycled by position. */
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'triangle-down'] as const;
export type MarkerShape = (typeof MARKERS)[number];

/** How one run's marks are drawn. */
export interface RunStyle {
  colour: string;
  /** An SVG `stroke-dasharray`, or undefined for a solid line. */
  dash: string | undefined;
  marker: MarkerShape;
}

/**
 * The style of the run at `position` among all loaded runs (0-based). Colour, dash and marker
 * cycle with different periods (7, 4, 5), so the first 140 runs all look different and any two
 * neighbours differ in all three.
 */
export function runStyle(position: number): RunStyle {
  return {
    colour: RUN_PALETTE[position % RUN_PALETTE.length] ?? RUN_PALETTE[0],
    dash: DASHES[position % DASHES.length],
    marker: MARKERS[position % MARKERS.length] ?? 'circle',
  };
}

/**
 * Each run's style, keyed by run id. Pass the ids of every loaded run, not only the shown
 * ones, so that hiding a run leaves the others' colours as they were.
 */
export function runStyles(runIds: readonly string[]): Map<string, RunStyle> {
  return new Map(runIds.map((id, position) => [id, runStyle(position)]));
}

/** Each run's colour, keyed by run id; see {@link runStyles}. */
export function runColours(runIds: readonly string[]): Map<string, string> {
  return new Map(runIds.map((id, position) => [id, runStyle(position).colour]));
}

/**
 * The SVG path of a marker centred on 0,0 whose area is about that of a circle of radius `r`,
 * so no shape looks heavier than another.
 */
export function markerPath(shape: MarkerShape, r: number): string {
  const f = (v: number) => Math.round(v * 100) / 100;
  switch (shape) {
    case 'circle':
      return `M${f(-r)},0A${f(r)},${f(r)} 0 1 0 ${f(r)},0A${f(r)},${f(r)} 0 1 0 ${f(-r)},0Z`;
    case 'square': {
      const h = r * 0.886;
      return `M${f(-h)},${f(-h)}H${f(h)}V${f(h)}H${f(-h)}Z`;
    }
    case 'diamond': {
      const h = r * 1.25;
      return `M0,${f(-h)}L${f(h)},0L0,${f(h)}L${f(-h)},0Z`;
    }
    case 'triangle':
    case 'triangle-down': {
      const s = shape === 'triangle' ? 1 : -1;
      const h = r * 1.35;
      return `M0,${f(-h * s)}L${f(h * 0.866 * 1.15)},${f(h * 0.5 * s * 1.15)}L${f(-h * 0.866 * 1.15)},${f(h * 0.5 * s * 1.15)}Z`;
    }
  }
}
