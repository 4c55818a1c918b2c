import { describe, expect, it } from 'vitest';
import { depthTick, lengthTickFormat } from './format';
import type { PlotCell } from './plotCell';
import { heatmapLayout } from './layout';
import { marginBoxes, marginGutter, marginMeans } from './margins';

function cell(lengthTokens: number, row: number, value: number | null, n: number): PlotCell {
  return { lengthTokens, row, value, n, label: '' };
}

describe('marginMeans', () => {
  const cells = [
    cell(1000, 0, 1, 3),
    cell(2000, 0, 0, 1),
    cell(1000, 50, 0.5, 1),
    cell(2000, 50, null, 0),
  ];

  it('weighs each cell by its trials, per length', () => {
    expect(marginMeans(cells, 'length')).toEqual([
      { at: 1000, value: 3.5 / 4, n: 4, cells: 2 },
      { at: 2000, value: 0, n: 1, cells: 1 },
    ]);
  });

  it('weighs each cell by its trials, per row, skipping cells without data', () => {
    expect(marginMeans(cells, 'row')).toEqual([
      { at: 0, value: 3 / 4, n: 4, cells: 2 },
      { at: 50, value: 0.5, n: 1, cells: 1 },
    ]);
  });

  it('counts a cell with a value but no trial count as one trial', () => {
    expect(marginMeans([cell(1000, 0, 0.2, 0), cell(1000, 50, 0.6, 1)], 'length')).toEqual([
      { at: 1000, value: 0.4, n: 2, cells: 2 },
    ]);
  });
});

describe('the strips in the layout', () => {
  const lengths = [1000, 2000, 4000, 8000];
  const rows = [0, 25, 50, 75, 100];
  const layoutWith = (length: boolean, depth: boolean, depthHints = false) =>
    heatmapLayout({
      width: 700,
      lengths,
      rows,
      rowKind: 'depth',
      lengthLabel: lengthTickFormat(lengths),
      rowLabel: (row) => (typeof row === 'number' ? depthTick(row) : row),
      depthHints,
      gutter: marginGutter({ length, depth }),
    });

  it('sit above the plot and between it and the legend, inside the figure', () => {
    for (const depthHints of [false, true]) {
      const layout = layoutWith(true, true, depthHints);
      const boxes = marginBoxes(layout, depthHints);
      expect(boxes.length.y).toBeGreaterThanOrEqual(4);
      expect(boxes.length.y + boxes.length.height).toBeLessThan(
        layout.plot.y - (depthHints ? 16 : 0),
      );
      expect(boxes.depth.x).toBeGreaterThan(layout.plot.x + layout.plot.width);
      expect(boxes.depth.x + boxes.depth.width).toBeLessThan(layout.legend.x);
      expect(layout.legend.x + layout.legend.width + 44).toBeLessThanOrEqual(layout.width);
    }
  });

  it('leave the plot as it was when off', () => {
    const plain = layoutWith(false, false);
    const withStrips = layoutWith(true, true);
    expect(marginGutter({ length: false, depth: false })).toEqual({ top: 0, right: 0 });
    expect(withStrips.plot.y).toBeGreaterThan(plain.plot.y);
    expect(withStrips.plot.width).toBeLessThan(plain.plot.width);
  });
});
