/**
 * Colours that tell runs apart in charts and tables. Okabe & Ito's categorical palette reads
 * for the common colour-vision deficiencies and in greyscale print; past its eight colours the
 * cycle repeats with a dash pattern, so no two of the first 32 runs look alike.
 * https://jfly.uni-koeln.de/color/
 */
export const OKABE_ITO = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
] as const;

/** SVG `stroke-dasharray` of each cycle through the colours; the first is solid. */
const DASHES = [undefined, '7 4', '2 3', '9 3 2 3'] as const;

/** How one run's marks are drawn. */
export interface RunStyle {
  colour: string;
  /** An SVG `stroke-dasharray`, or undefined for a solid line. */
  dash: string | undefined;
}

/** The style of the run at `position` among all loaded runs (0-based). */
export function runStyle(position: number): RunStyle {
  const cycle = Math.floor(position / OKABE_ITO.length);
  return {
    colour: OKABE_ITO[position % OKABE_ITO.length] ?? OKABE_ITO[0],
    dash: DASHES[cycle % DASHES.length],
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
