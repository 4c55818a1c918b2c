import { describe, expect, it } from 'vitest';
import { depthTick, lengthTickFormat } from './format';
import { heatmapLayout } from './layout';

const range = (n: number, step: number, start = 0) =>
  Array.from({ length: n }, (_, i) => start + i * step);

function layoutOf(width: number, lengths: number[], depths: number[]) {
  return heatmapLayout({
    width,
    lengths,
    rows: depths,
    rowKind: 'depth',
    lengthLabel: lengthTickFormat(lengths),
    rowLabel: (row) => (typeof row === 'number' ? depthTick(row) : row),
  });
}

describe('heatmapLayout', () => {
  it('fits every column and the legend inside the width', () => {
    const layout = layoutOf(900, range(15, 9000, 1000), range(15, 7));
    const lastColumnEnd = (layout.x(layout.x.domain().at(-1)!) ?? 0) + layout.x.bandwidth();
    expect(lastColumnEnd).toBeLessThanOrEqual(layout.legend.x);
    expect(layout.legend.x + layout.legend.width).toBeLessThan(900);
  });

  it('puts 0% at the top and the deepest row at the bottom', () => {
    const layout = layoutOf(900, [1000, 2000], [0, 50, 100]);
    expect(layout.y(0)).toBeLessThan(layout.y(50)!);
    expect(layout.y(100)).toBeGreaterThan(layout.y(50)!);
  });

  it('labels every column of a 15-length sweep side by side', () => {
    const layout = layoutOf(900, range(15, 9000, 1000), range(15, 7));
    expect(layout.rotateX).toBe(false);
    expect(layout.xTicks).toHaveLength(15);
    expect(layout.yTicks).toHaveLength(15);
  });

  it('thins the labels of a dense 35 x 35 sweep flat, keeping both ends and 50 %', () => {
    const lengths = range(35, 5853, 1000);
    const depths = range(35, 100 / 34);
    const layout = layoutOf(700, lengths, depths);
    expect(layout.rotateX).toBe(false);
    expect(layout.xTicks[0]).toBe(lengths[0]);
    expect(layout.xTicks.at(-1)).toBe(lengths[34]);
    expect(layout.yTicks).toEqual(expect.arrayContaining([depths[0], depths[17], depths[34]]));
    // Flat labels ("200K": 4 characters of about 7 px) never overlap their neighbours.
    const gap = (ticks: number[], at: (t: number) => number) =>
      Math.min(...ticks.slice(1).map((t, i) => at(t) - at(ticks[i] ?? 0)));
    expect(gap(layout.xTicks, (t) => layout.x(t) ?? 0)).toBeGreaterThanOrEqual(4 * 7);
    expect(gap(layout.yTicks as number[], (t) => layout.y(t) ?? 0)).toBeGreaterThanOrEqual(12);
  });

  it('turns length labels only when even the ends do not fit flat', () => {
    const lengths = [1000000, 2000000, 3000000];
    expect(layoutOf(900, lengths, [0, 50, 100]).rotateX).toBe(false);
  });

  it('shortens the depth title when a few rows make the plot short', () => {
    expect(layoutOf(900, [1000, 2000], [0, 50, 100]).rowTitle).toBe('Depth (%)');
    expect(layoutOf(900, range(15, 9000, 1000), range(15, 7)).rowTitle).toBe(
      'Needle depth (% of document)',
    );
  });

  it('keeps the legend readable under a one-row matrix', () => {
    const layout = layoutOf(900, [4096, 8192], [0]);
    expect(layout.legend.height).toBeGreaterThanOrEqual(110);
    expect(layout.height).toBeGreaterThanOrEqual(layout.legend.y + layout.legend.height);
  });

  it('keeps room right of the legend bar for its ticks and every line of its title', () => {
    const lengths = range(15, 9000, 1000);
    for (const legendTitleLines of [1, 2]) {
      const layout = heatmapLayout({
        width: 360,
        lengths,
        rows: range(15, 7),
        rowKind: 'depth',
        lengthLabel: lengthTickFormat(lengths),
        rowLabel: (row) => String(row),
        legendTitleLines,
      });
      expect(layout.legend.titleLines).toBe(legendTitleLines);
      // The title's outermost line starts 40 + 15 px per further line past the bar (Legend.tsx).
      const outer = layout.legend.x + layout.legend.width + 40 + (legendTitleLines - 1) * 15;
      expect(outer).toBeLessThanOrEqual(layout.width);
    }
  });
});
