/** Where a figure's callouts go: a text box near its cell or range, and an arrow to it. Pure. */
import type { Callout, CellRef } from '../chart/figureOptions';
import type { HeatmapLayout } from '../chart/layout';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A callout as drawn: its text box and lines, the arrow, and what it points at. */
export interface PlacedCallout {
  callout: Callout;
  lines: string[];
  box: Box;
  /** The cell, or the cells from corner to corner, the callout points at. */
  target: Box;
  /** From the box's corner nearest the target to the target's edge. */
  arrow: { x1: number; y1: number; x2: number; y2: number };
}

export const CALLOUT_TEXT = { fontPx: 12, linePx: 15, padPx: 7, maxChars: 36 } as const;

/**
 * The value of `domain` nearest `value`, when `value` lies within the domain's range (a link
 * or the command line may name 165000 for a column at 164,882 tokens); else undefined.
 */
function nearest(domain: readonly number[], value: number): number | undefined {
  const low = Math.min(...domain);
  const high = Math.max(...domain);
  if (domain.length === 0 || value < low || value > high) return undefined;
  return domain.reduce((best, v) => (Math.abs(v - value) < Math.abs(best - value) ? v : best));
}

/** The cell a callout names, snapped to the nearest column and depth; tasks match exactly. */
export function snapCell(layout: HeatmapLayout, cell: CellRef): CellRef | null {
  const lengthTokens = nearest(layout.x.domain(), cell.lengthTokens);
  const rows = layout.y.domain();
  const row =
    typeof cell.row === 'string'
      ? rows.find((r) => r === cell.row)
      : nearest(
          rows.filter((r): r is number => typeof r === 'number'),
          cell.row,
        );
  return lengthTokens === undefined || row === undefined ? null : { lengthTokens, row };
}

/** A cell's rectangle on the layout, or null when the layout has no cell near it. */
function cellBox(layout: HeatmapLayout, cell: CellRef): Box | null {
  const snapped = snapCell(layout, cell);
  const x = snapped ? layout.x(snapped.lengthTokens) : undefined;
  const y = snapped ? layout.y(snapped.row) : undefined;
  if (x === undefined || y === undefined) return null;
  return { x, y, width: layout.x.bandwidth(), height: layout.y.bandwidth() };
}

/** The rectangle round two cells and every cell between them. */
function unionBox(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** Lines of at most `max` characters, broken between words. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The cells that stand out: those whose value is not the panel's most common one (a run's
 * 100 % cells, a difference's zeros). Text over them hides what the figure is about.
 */
function standingOut<T extends { value: number | null }>(cells: readonly T[]): T[] {
  const counts = new Map<number, number>();
  for (const cell of cells) {
    if (cell.value !== null) counts.set(cell.value, (counts.get(cell.value) ?? 0) + 1);
  }
  let common: number | null = null;
  for (const [value, count] of counts) {
    if (common === null || count > (counts.get(common) ?? 0)) common = value;
  }
  return cells.filter((cell) => cell.value !== null && cell.value !== common);
}

/** The area two rectangles share. */
function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, low: number, high: number) =>
  Math.min(Math.max(value, low), Math.max(low, high));

/**
 * Where the segment from `from` towards the centre of `box` first meets the box's edge, so an
 * arrow stops at the cell rather than covering it.
 */
export function edgePoint(from: { x: number; y: number }, box: Box): { x: number; y: number } {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = cx - from.x;
  const dy = cy - from.y;
  // Inside the box once both |x - cx| <= width / 2 and |y - cy| <= height / 2: the later of
  // the two fractions of the way at which that starts.
  const enters = (d: number, half: number) => (d === 0 ? -Infinity : 1 - half / Math.abs(d));
  const t = Math.max(0, enters(dx, box.width / 2), enters(dy, box.height / 2));
  return { x: from.x + dx * t, y: from.y + dy * t };
}

/**
 * Places each callout whose cells are on the layout: the text box diagonally off its target,
 * towards the middle of the plot where that covers no other callout, kept inside the plot; the
 * arrow from the box's nearest point to the target's edge. A callout points at the cells
 * nearest those it names; one naming a length or depth outside the panel's sweep (or a task it
 * lacks) is returned as `missing`, for the figure to say so.
 */
export function placeCallouts(
  callouts: readonly Callout[],
  layout: HeatmapLayout,
  /** The panel's cells: text goes where it hides the fewest cells that stand out. */
  cells: readonly { lengthTokens: number; row: number | string; value: number | null }[] = [],
): { placed: PlacedCallout[]; missing: Callout[] } {
  const placed: PlacedCallout[] = [];
  // Most figures have none: the cells that stand out are boxed only for a callout to avoid.
  if (callouts.length === 0) return { placed, missing: [] };
  const telling = standingOut(cells).flatMap((c) => {
    const box = cellBox(layout, c);
    return box ? [box] : [];
  });
  const missing: Callout[] = [];
  const { plot } = layout;
  const cell = Math.max(layout.x.bandwidth(), layout.y.bandwidth());
  const offset = Math.min(72, Math.max(28, cell * 1.2));
  const targets: { callout: Callout; target: Box }[] = [];
  for (const callout of callouts) {
    const at = cellBox(layout, callout.at);
    const to = callout.to === null ? at : cellBox(layout, callout.to);
    if (at && to) targets.push({ callout, target: unionBox(at, to) });
    else missing.push(callout);
  }
  for (const { callout, target } of targets) {
    const lines = wrap(callout.text, CALLOUT_TEXT.maxChars);
    const longest = Math.max(...lines.map((line) => line.length));
    const width = Math.ceil(longest * CALLOUT_TEXT.fontPx * 0.55 + 2 * CALLOUT_TEXT.padPx);
    const height = lines.length * CALLOUT_TEXT.linePx + 2 * CALLOUT_TEXT.padPx - 3;
    const cx = target.x + target.width / 2;
    const cy = target.y + target.height / 2;
    // Off a corner of the target, towards the middle of the plot first, then the other three,
    // one to three steps away: the place that covers no callout's cells or text, and the fewest
    // cells that stand out (the failures a reader looks for), wins; the nearest of equals.
    const right = cx < plot.x + plot.width / 2;
    const below = cy < plot.y + plot.height / 2;
    const sides: [boolean, boolean][] = [
      [right, below],
      [!right, below],
      [right, !below],
      [!right, !below],
    ];
    const taken = [...targets.map((t) => t.target), ...placed.map((p) => p.box)];
    const candidates = [1, 2, 3.5].flatMap((step) =>
      sides.map(([toRight, toBelow]) => {
        const dx = offset * step;
        const dy = offset * 0.6 * step;
        const x = toRight ? target.x + target.width + dx : target.x - dx - width;
        const y = toBelow ? target.y + target.height + dy : target.y - dy - height;
        const box = {
          x: clamp(x, plot.x + 4, plot.x + plot.width - width - 4),
          y: clamp(y, plot.y + 4, plot.y + plot.height - height - 4),
          width,
          height,
        };
        const clash = taken.reduce((sum, other) => sum + overlap(box, other), 0);
        const hidden = telling.reduce((sum, other) => sum + overlap(box, other), 0);
        // A clash costs more than hiding any number of cells; a step further costs a little.
        return { box, cost: clash * 1e6 + hidden + step * 0.1 * width * height * 0.05 };
      }),
    );
    const best = candidates.reduce((a, b) => (b.cost < a.cost ? b : a));
    const box = best.box;
    // The arrow leaves the box at its point nearest the target's middle.
    const from = {
      x: clamp(cx, box.x, box.x + box.width),
      y: clamp(cy, box.y, box.y + box.height),
    };
    const tip = edgePoint(from, target);
    placed.push({
      callout,
      lines,
      box,
      target,
      arrow: { x1: from.x, y1: from.y, x2: tip.x, y2: tip.y },
    });
  }
  return { placed, missing };
}
