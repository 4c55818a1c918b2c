import { labelColour } from './figureMarks';

/**
 * Past this many cells a panel on screen paints its cells on a canvas and keeps only a light
 * layer of data elements in the SVG: thousands of filled rects make every recolour a re-render
 * of thousands of React elements and DOM attributes.
 */
export const CANVAS_MIN_CELLS = 2000;

/** Whether a panel of `cells` cells draws them on a canvas (on screen; files stay SVG). */
export function drawsOnCanvas(cells: number): boolean {
  return cells > CANVAS_MIN_CELLS;
}

/**
 * Chromium refuses canvases over 32,767 px a side or 268 M px in all, and a big backing store
 * costs memory for nothing a screen can show: 4,096² device pixels hold a 300 x 300 grid of
 * 12 px cells at full resolution.
 */
const MAX_SIDE_PX = 16_384;
const MAX_AREA_PX = 4096 * 4096;

/**
 * Device pixels per CSS pixel of a canvas `width` x `height` CSS px: the screen's ratio, so
 * edges are crisp, unless that would exceed the limits above.
 */
export function canvasScale(width: number, height: number, devicePixelRatio: number): number {
  const ratio = devicePixelRatio > 0 ? devicePixelRatio : 1;
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  return Math.min(ratio, MAX_SIDE_PX / w, MAX_SIDE_PX / h, Math.sqrt(MAX_AREA_PX / (w * h)));
}

/**
 * Band edges in whole device pixels: `edges` in CSS px from the canvas origin, `scale` device
 * pixels per CSS px. Neighbours share an edge, so snapped cells neither overlap nor leave a seam.
 */
export function snapEdges(edges: readonly number[], scale: number): Int32Array {
  return Int32Array.from(edges, (edge) => Math.round(edge * scale));
}

/** The part of CanvasRenderingContext2D that painting cells uses. */
export interface CellContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, width: number, height: number): void;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
}

/** What a canvas of cells shows, in the canvas's own coordinates. */
export interface CellPicture {
  /** The cells' values row by row, each row in column order; null where there is no data. */
  values: readonly (number | null)[];
  /** Left edges of the columns and the right edge of the last, CSS px from the canvas's left. */
  columnEdges: readonly number[];
  /** Top edges of the rows and the bottom edge of the last, CSS px from the canvas's top. */
  rowEdges: readonly number[];
  /** Device pixels per CSS pixel. */
  scale: number;
  colour: (value: number) => string;
  /** The fill of cells without data (the hatch pattern). */
  noData: string | CanvasPattern;
  /** Value labels, where the figure shows them: each cell's text (or none) and the type. */
  labels?: { texts: readonly (string | undefined)[]; font: string };
}

/**
 * Paints cells on a canvas the size of the plot. Runs of neighbours in a row with the same
 * colour are one rectangle, and each colour is set once, so a grid of 0/1 scores is a few
 * hundred calls rather than one per cell.
 */
export function paintCells(ctx: CellContext, picture: CellPicture): void {
  const { values, scale, colour } = picture;
  const xs = snapEdges(picture.columnEdges, scale);
  const ys = snapEdges(picture.rowEdges, scale);
  const columns = xs.length - 1;
  const rows = ys.length - 1;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, xs[columns] ?? 0, ys[rows] ?? 0);
  if (columns < 1 || rows < 1) return;

  // Values repeat (pass rates of a few trials, 0/1 scores): each is coloured once.
  const fills = new Map<number, string>();
  const fillOf = (value: number | null) => {
    if (value === null) return null;
    let fill = fills.get(value);
    if (fill === undefined) {
      fill = colour(value);
      fills.set(value, fill);
    }
    return fill;
  };
  /** Runs per fill (null: no data), as [row, first column, last column + 1] triples. */
  const runs = new Map<string | null, number[]>();
  for (let r = 0; r < rows; r += 1) {
    let start = 0;
    let current = fillOf(values[r * columns] ?? null);
    for (let c = 1; c <= columns; c += 1) {
      const fill = c < columns ? fillOf(values[r * columns + c] ?? null) : undefined;
      if (fill === current) continue;
      let list = runs.get(current);
      if (!list) runs.set(current, (list = []));
      list.push(r, start, c);
      start = c;
      current = fill ?? null;
    }
  }
  for (const [fill, list] of runs) {
    ctx.fillStyle = fill ?? picture.noData;
    for (let i = 0; i < list.length; i += 3) {
      const r = list[i] ?? 0;
      const x0 = xs[list[i + 1] ?? 0] ?? 0;
      const y0 = ys[r] ?? 0;
      ctx.fillRect(x0, y0, (xs[list[i + 2] ?? 0] ?? 0) - x0, (ys[r + 1] ?? 0) - y0);
    }
  }
  if (picture.labels) paintLabels(ctx, picture, picture.labels, fillOf);
}

/** Value labels centred in their cells, in the contrast colour of each cell's fill. */
function paintLabels(
  ctx: CellContext,
  picture: CellPicture,
  labels: NonNullable<CellPicture['labels']>,
  fillOf: (value: number | null) => string | null,
): void {
  const { columnEdges, rowEdges, values } = picture;
  const columns = columnEdges.length - 1;
  const inks = new Map<string, string>();
  ctx.setTransform(picture.scale, 0, 0, picture.scale, 0, 0);
  ctx.font = labels.font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  labels.texts.forEach((text, i) => {
    const fill = fillOf(values[i] ?? null);
    if (!text || fill === null) return;
    let ink = inks.get(fill);
    if (ink === undefined) {
      ink = labelColour(fill);
      inks.set(fill, ink);
    }
    const c = i % columns;
    const r = Math.floor(i / columns);
    ctx.fillStyle = ink;
    ctx.fillText(
      text,
      ((columnEdges[c] ?? 0) + (columnEdges[c + 1] ?? 0)) / 2,
      ((rowEdges[r] ?? 0) + (rowEdges[r + 1] ?? 0)) / 2,
    );
  });
}
