import { describe, expect, it } from 'vitest';
import { heatmapLayout } from '../chart/layout';
import { edgePoint, placeCallouts, snapCell } from './calloutLayout';

const layout = heatmapLayout({
  width: 800,
  lengths: [1000, 2000, 4000, 8000, 16000, 32000],
  rows: [0, 25, 50, 75, 100],
  rowKind: 'depth',
  lengthLabel: (l) => `${l / 1000}K`,
  rowLabel: (r) => `${r}%`,
});

const inside = (
  p: { x: number; y: number },
  b: { x: number; y: number; width: number; height: number },
) =>
  p.x >= b.x - 1e-6 &&
  p.x <= b.x + b.width + 1e-6 &&
  p.y >= b.y - 1e-6 &&
  p.y <= b.y + b.height + 1e-6;

function expectPoint(got: { x: number; y: number }, want: { x: number; y: number }) {
  expect(got.x).toBeCloseTo(want.x);
  expect(got.y).toBeCloseTo(want.y);
}

describe('callouts', () => {
  it('point at the nearest cell within the sweep, and at none outside it', () => {
    expect(snapCell(layout, { lengthTokens: 3900, row: 48 })).toEqual({
      lengthTokens: 4000,
      row: 50,
    });
    expect(snapCell(layout, { lengthTokens: 64000, row: 50 })).toBeNull();
    expect(snapCell(layout, { lengthTokens: 4000, row: 'qa' })).toBeNull();
  });

  it('draw an arrow from the text box to the edge of the cell, the box inside the plot', () => {
    const { placed, missing } = placeCallouts(
      [{ text: 'Misses the middle at 8K', at: { lengthTokens: 8000, row: 50 }, to: null }],
      layout,
    );
    expect(missing).toEqual([]);
    const [callout] = placed;
    if (!callout) throw new Error('not placed');
    const cell = {
      x: layout.x(8000) ?? 0,
      y: layout.y(50) ?? 0,
      width: layout.x.bandwidth(),
      height: layout.y.bandwidth(),
    };
    for (const key of ['x', 'y', 'width', 'height'] as const) {
      expect(callout.target[key]).toBeCloseTo(cell[key]);
    }
    const { arrow, box } = callout;
    // The tail on the box's outline, the tip on the cell's edge: not inside the box.
    expect(inside({ x: arrow.x1, y: arrow.y1 }, box)).toBe(true);
    expect(inside({ x: arrow.x2, y: arrow.y2 }, cell)).toBe(true);
    const onEdge =
      Math.abs(arrow.x2 - cell.x) < 1e-6 ||
      Math.abs(arrow.x2 - cell.x - cell.width) < 1e-6 ||
      Math.abs(arrow.y2 - cell.y) < 1e-6 ||
      Math.abs(arrow.y2 - cell.y - cell.height) < 1e-6;
    expect(onEdge).toBe(true);
    expect(inside({ x: box.x, y: box.y }, layout.plot)).toBe(true);
    expect(inside({ x: box.x + box.width, y: box.y + box.height }, layout.plot)).toBe(true);
    expect(inside({ x: arrow.x1, y: arrow.y1 }, cell)).toBe(false);
  });

  it('box a range from corner to corner, in either order', () => {
    const { placed } = placeCallouts(
      [{ text: 'Weak', at: { lengthTokens: 16000, row: 75 }, to: { lengthTokens: 2000, row: 25 } }],
      layout,
    );
    const target = placed[0]?.target;
    expect(target?.x).toBeCloseTo(layout.x(2000) ?? 0);
    expect(target?.y).toBeCloseTo(layout.y(25) ?? 0);
    expect((target?.x ?? 0) + (target?.width ?? 0)).toBeCloseTo(
      (layout.x(16000) ?? 0) + layout.x.bandwidth(),
    );
    expect((target?.y ?? 0) + (target?.height ?? 0)).toBeCloseTo(
      (layout.y(75) ?? 0) + layout.y.bandwidth(),
    );
  });

  it('are returned as missing when the panel has no such cell, for the figure to say so', () => {
    const callout = { text: 'Beyond', at: { lengthTokens: 100000, row: 50 }, to: null };
    expect(placeCallouts([callout], layout)).toEqual({ placed: [], missing: [callout] });
  });

  it('stop arrows at the edge of what they point at', () => {
    expectPoint(edgePoint({ x: 0, y: 5 }, { x: 10, y: 0, width: 10, height: 10 }), {
      x: 10,
      y: 5,
    });
    expectPoint(edgePoint({ x: 15, y: -20 }, { x: 10, y: 0, width: 10, height: 10 }), {
      x: 15,
      y: 0,
    });
  });
});

describe('several callouts', () => {
  it('keep their text boxes off each other and off what the others point at', () => {
    const { placed } = placeCallouts(
      [
        {
          text: 'First misses past the trained length',
          at: { lengthTokens: 8000, row: 50 },
          to: null,
        },
        {
          text: 'Weakest corner',
          at: { lengthTokens: 16000, row: 0 },
          to: { lengthTokens: 32000, row: 25 },
        },
        { text: 'Also here', at: { lengthTokens: 4000, row: 75 }, to: null },
      ],
      layout,
    );
    expect(placed).toHaveLength(3);
    const shares = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
      Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) &&
      Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);
    for (const [i, p] of placed.entries()) {
      for (const [j, q] of placed.entries()) {
        expect(shares(p.box, q.target), `box ${i} over target ${j}`).toBe(false);
        if (i !== j) expect(shares(p.box, q.box), `box ${i} over box ${j}`).toBe(false);
      }
    }
  });
});

describe('callout text', () => {
  it('goes where it hides the fewest cells that stand out from the rest', () => {
    // Failures left of the target and above it, where the text would go by default.
    const failing = [1000, 2000, 4000].flatMap((lengthTokens) =>
      [0, 25].map((row) => ({ lengthTokens, row })),
    );
    const cells = layout.x.domain().flatMap((lengthTokens) =>
      layout.y.domain().map((row) => ({
        lengthTokens,
        row,
        value: failing.some((f) => f.lengthTokens === lengthTokens && f.row === row) ? 0 : 1,
      })),
    );
    const callout = { text: 'Fails here', at: { lengthTokens: 8000, row: 50 }, to: null };
    const hidden = (box: { x: number; y: number; width: number; height: number }) =>
      failing.filter((f) => {
        const x = layout.x(f.lengthTokens) ?? 0;
        const y = layout.y(f.row) ?? 0;
        return (
          Math.min(box.x + box.width, x + layout.x.bandwidth()) > Math.max(box.x, x) &&
          Math.min(box.y + box.height, y + layout.y.bandwidth()) > Math.max(box.y, y)
        );
      }).length;
    const blind = placeCallouts([callout], layout).placed[0];
    const aware = placeCallouts([callout], layout, cells).placed[0];
    // Without the cells the text goes towards the middle, over the failures; with them, not.
    expect(hidden(blind?.box ?? { x: 0, y: 0, width: 0, height: 0 })).toBeGreaterThan(0);
    expect(hidden(aware?.box ?? { x: 0, y: 0, width: 0, height: 0 })).toBe(0);
  });
});
