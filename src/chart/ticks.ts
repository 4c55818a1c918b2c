/** Which band labels an axis shows, and whether they turn. Pure: a function of sizes. */

export interface TickChoice<T> {
  /** The items that get a label, in axis order. */
  ticks: T[];
  /** Labels turn 45 degrees: only when even the ends and the kept middle do not fit flat. */
  rotate: boolean;
}

export interface TickRoom {
  /** The room one band gives a label along the axis, in pixels. */
  bandPx: number;
  /** The room the widest label needs flat (with its gap). */
  flatPx: number;
  /** The room a turned label needs along the axis, or null when labels never turn. */
  rotatedPx: number | null;
  /** Indices labelled whenever they fit beside the ends (a depth axis keeps its 50 % row). */
  keep?: readonly number[];
}

/**
 * Indices to label when each label takes `step` bands: both ends, then the kept ones that fit,
 * then evenly spaced labels between each pair of those. `fits` says whether every anchor stayed.
 */
function thinned(count: number, step: number, keep: readonly number[]) {
  if (count <= 1 || step <= 1) return { indices: [...Array(count).keys()], fits: true };
  const last = count - 1;
  if (last < step) return { indices: [0], fits: false };
  const wanted = [...new Set(keep)].filter((i) => i > 0 && i < last).sort((a, b) => a - b);
  const anchors = [0];
  for (const index of wanted) {
    const previous = anchors[anchors.length - 1] ?? 0;
    if (index - previous >= step && last - index >= step) anchors.push(index);
  }
  anchors.push(last);
  const indices: number[] = [];
  for (let a = 0; a < anchors.length - 1; a++) {
    const from = anchors[a] ?? 0;
    const to = anchors[a + 1] ?? last;
    const gaps = Math.max(1, Math.floor((to - from) / step));
    for (let j = 0; j < gaps; j++) indices.push(Math.round(from + (j * (to - from)) / gaps));
  }
  indices.push(last);
  return { indices, fits: anchors.length === wanted.length + 2 };
}

/**
 * Every label when they fit flat; else evenly thinned, keeping both ends and `keep`; turned
 * only as a last resort, when even those do not fit flat side by side.
 */
export function chooseTicks<T>(items: readonly T[], room: TickRoom): TickChoice<T> {
  const { bandPx, flatPx, rotatedPx, keep = [] } = room;
  const pick = (indices: number[]) => indices.flatMap((i) => (i in items ? [items[i] as T] : []));
  const stepOf = (labelPx: number) => Math.ceil(labelPx / Math.max(bandPx, 1e-9));
  const flat = thinned(items.length, stepOf(flatPx), keep);
  if (flat.fits || rotatedPx === null) return { ticks: pick(flat.indices), rotate: false };
  return { ticks: pick(thinned(items.length, stepOf(rotatedPx), keep).indices), rotate: true };
}
