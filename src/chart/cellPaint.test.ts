import { describe, expect, it } from 'vitest';
import {
  canvasScale,
  drawsOnCanvas,
  paintCells,
  snapEdges,
  type CellContext,
  type CellPicture,
} from './cellPaint';

/** A context that records what is painted: each rect with the fill it was painted in. */
function recorder() {
  const rects: { fill: unknown; x: number; y: number; w: number; h: number }[] = [];
  const texts: { text: string; x: number; y: number; fill: unknown }[] = [];
  const fillStyles: unknown[] = [];
  let fill: CellContext['fillStyle'] = '#000';
  const ctx: CellContext = {
    get fillStyle() {
      return fill;
    },
    set fillStyle(value) {
      fill = value;
      fillStyles.push(value);
    },
    font: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    setTransform: () => undefined,
    clearRect: () => undefined,
    fillRect: (x, y, w, h) => rects.push({ fill, x, y, w, h }),
    fillText: (text, x, y) => texts.push({ text, x, y, fill }),
  };
  return { ctx, rects, texts, fillStyles };
}

/** The fill of the device pixel (px, py), from the recorded rects (the last one wins). */
function pixel(rects: ReturnType<typeof recorder>['rects'], px: number, py: number) {
  let hit: unknown = undefined;
  for (const r of rects)
    if (px >= r.x && px < r.x + r.w && py >= r.y && py < r.y + r.h) hit = r.fill;
  return hit;
}

const colour = (value: number) => `c${value}`;

function picture(values: (number | null)[], columns: number, over: Partial<CellPicture> = {}) {
  const rows = values.length / columns;
  return {
    values,
    columnEdges: Array.from({ length: columns + 1 }, (_, i) => i * 10),
    rowEdges: Array.from({ length: rows + 1 }, (_, i) => i * 8),
    scale: 1,
    colour,
    noData: 'hatch',
    ...over,
  };
}

describe('drawsOnCanvas', () => {
  it('keeps SVG up to 2,000 cells and paints on a canvas past them', () => {
    expect(drawsOnCanvas(1225)).toBe(false);
    expect(drawsOnCanvas(2000)).toBe(false);
    expect(drawsOnCanvas(2001)).toBe(true);
  });
});

describe('canvasScale', () => {
  it('is the device pixel ratio for a plot of ordinary size', () => {
    expect(canvasScale(800, 600, 2)).toBe(2);
    expect(canvasScale(800, 600, 1)).toBe(1);
    expect(canvasScale(800, 600, 0)).toBe(1);
  });

  it('shrinks the backing store of a huge plot to at most 4,096² device pixels', () => {
    const scale = canvasScale(3600, 3600, 2);
    expect(scale).toBeLessThan(2);
    expect(3600 * scale * 3600 * scale).toBeLessThanOrEqual(4096 * 4096 + 1);
  });

  it('keeps each side within what Chromium draws', () => {
    expect(36000 * canvasScale(36000, 24, 1)).toBeLessThanOrEqual(16384);
  });
});

describe('snapEdges', () => {
  it('puts every edge on a whole device pixel, shared by neighbours', () => {
    expect([...snapEdges([0, 12.3, 24.6, 36.9], 1.5)]).toEqual([0, 18, 37, 55]);
  });
});

describe('paintCells', () => {
  it('fills every device pixel of a cell with its colour, and nothing twice', () => {
    const values = [0, 0.5, 1, 1, null, 0.5];
    const { ctx, rects } = recorder();
    paintCells(ctx, picture(values, 3, { scale: 2 }));
    // Cell (row 1, column 2) is 0.5: device pixels x 40..59, y 16..31.
    expect(pixel(rects, 40, 16)).toBe('c0.5');
    expect(pixel(rects, 59, 31)).toBe('c0.5');
    expect(pixel(rects, 39, 16)).toBe('hatch');
    expect(pixel(rects, 0, 0)).toBe('c0');
    expect(pixel(rects, 20, 15)).toBe('c0.5');
    expect(pixel(rects, 59, 0)).toBe('c1');
    const area = rects.reduce((sum, r) => sum + r.w * r.h, 0);
    expect(area).toBe(60 * 32);
  });

  it('paints a run of equal neighbours as one rect and sets each colour once', () => {
    const values = [1, 1, 1, 0, 1, 1, 1, 1];
    const { ctx, rects, fillStyles } = recorder();
    paintCells(ctx, picture(values, 4));
    expect(rects).toEqual([
      { fill: 'c1', x: 0, y: 0, w: 30, h: 8 },
      { fill: 'c1', x: 0, y: 8, w: 40, h: 8 },
      { fill: 'c0', x: 30, y: 0, w: 10, h: 8 },
    ]);
    expect(fillStyles).toEqual(['c1', 'c0']);
  });

  it('asks the palette once per distinct value', () => {
    const asked: number[] = [];
    const { ctx } = recorder();
    paintCells(
      ctx,
      picture([0, 1, 0, 1, 0, 1], 3, {
        colour: (v) => {
          asked.push(v);
          return `c${v}`;
        },
      }),
    );
    expect(asked.sort()).toEqual([0, 1]);
  });

  it('repaints the same cells in the new colours when the palette changes', () => {
    const values = [0, 0.25, 0.75, 1];
    const first = recorder();
    paintCells(first.ctx, picture(values, 2));
    const second = recorder();
    paintCells(second.ctx, picture(values, 2, { colour: (v) => `d${v}` }));
    expect(second.rects.map(({ x, y, w, h }) => [x, y, w, h])).toEqual(
      first.rects.map(({ x, y, w, h }) => [x, y, w, h]),
    );
    expect(second.rects.map((r) => r.fill)).toEqual(['d0', 'd0.25', 'd0.75', 'd1']);
  });

  it('writes value labels at cell centres in the contrast colour of their fill', () => {
    const { ctx, texts } = recorder();
    paintCells(
      ctx,
      picture([0, 1], 2, {
        colour: (v) => (v === 0 ? '#000000' : '#ffffff'),
        labels: { texts: ['0', undefined], font: '10px sans-serif' },
      }),
    );
    expect(texts).toEqual([{ text: '0', x: 5, y: 4, fill: '#ffffff' }]);
  });
});
