import { describe, expect, it } from 'vitest';
import {
  binEdges,
  binIndex,
  binRun,
  depthBands,
  formatEdges,
  isGeometricSweep,
  lengthBins,
  sharedBinAxes,
} from './bins';
import { cellTrials, makeSummary, runOf } from './testing/runs';

describe('isGeometricSweep', () => {
  it.each([
    { lengths: [4096, 8192, 16384, 32768, 65536, 131072], geometric: true, why: 'doubling' },
    { lengths: [1000, 2000, 4000, 8000], geometric: true, why: 'doubling from 1K' },
    { lengths: [1000, 9143, 17286, 25429, 33571], geometric: false, why: 'linspace' },
    { lengths: [1000, 128000], geometric: false, why: 'two lengths' },
  ])('$why -> $geometric', ({ lengths, geometric }) => {
    expect(isGeometricSweep(lengths)).toBe(geometric);
  });
});

describe('binEdges and binIndex', () => {
  it('spaces edges evenly, or evenly in log, with exact ends', () => {
    expect(binEdges(0, 100, 4, 'linear')).toEqual([0, 25, 50, 75, 100]);
    const log = binEdges(1000, 16000, 4, 'log');
    expect(log[0]).toBe(1000);
    expect(log[4]).toBe(16000);
    [2000, 4000, 8000].forEach((edge, i) => expect(log[i + 1]).toBeCloseTo(edge, 9));
  });

  it('puts a value in [from, to), the last bin closed, nothing outside', () => {
    const edges = [0, 10, 20, 30];
    expect([0, 9.999, 10, 19, 20, 30].map((v) => binIndex(edges, v))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(binIndex(edges, -0.1)).toBe(-1);
    expect(binIndex(edges, 30.1)).toBe(-1);
  });
});

describe('bin labels', () => {
  it('labels lengths by range in K and M', () => {
    expect(lengthBins([16000, 32000, 64000, 1_500_000]).map((b) => b.label)).toEqual([
      '16K–32K',
      '32K–64K',
      '64K–1.5M',
    ]);
  });

  it('uses as many decimals as it takes for edges never to read the same', () => {
    const labels = lengthBins([18500, 19000, 19400, 36700, 37100]).map((b) => b.label);
    expect(labels).toEqual(['18.5K–19K', '19K–19.4K', '19.4K–36.7K', '36.7K–37.1K']);
    expect(new Set(labels).size).toBe(labels.length);
    expect(formatEdges([1000, 1000.4, 1000.8])).toEqual(['1K', '1.0004K', '1.0008K']);
  });

  it('labels small lengths (frames) as plain numbers', () => {
    expect(lengthBins([1, 8, 16.5]).map((b) => b.label)).toEqual(['1–8', '8–16.5']);
  });

  it('marks only the last bin closed', () => {
    expect(lengthBins([1, 2, 3]).map((b) => b.closed)).toEqual([false, true]);
  });

  it('bands depths in 10 points by default, a short last band where 100 is no multiple', () => {
    const bands = depthBands();
    expect(bands).toHaveLength(10);
    expect(bands[0]).toEqual({ from: 0, to: 10, closed: false, label: '0–10%' });
    expect(bands[9]).toEqual({ from: 90, to: 100, closed: true, label: '90–100%' });
    expect(depthBands(30).map((b) => b.label)).toEqual(['0–30%', '30–60%', '60–90%', '90–100%']);
    expect(depthBands(12.5).map((b) => b.label)[1]).toBe('12.5–25%');
  });
});

describe('sharedBinAxes', () => {
  const wide = runOf([1000, 2000, 3000, 4000, 5000].flatMap((l) => cellTrials(l, 50, [1])));
  const narrow = runOf([2500, 4500, 6000].flatMap((l) => cellTrials(l, 50, [0])));

  it('bins the range both runs cover, as many bins as keep a length of each in every bin', () => {
    const axes = sharedBinAxes([wide, narrow])!;
    expect(axes.scale).toBe('linear');
    expect(axes.lengths.map((b) => [b.from, b.to])).toEqual([
      [2500, 3750],
      [3750, 5000],
    ]);
    expect(axes.depths).toHaveLength(10);
  });

  it('takes the count, scale and band width it is given', () => {
    const axes = sharedBinAxes([wide, narrow], {
      lengthBins: 5,
      scale: 'log',
      depthBandPercent: 25,
    })!;
    expect(axes.scale).toBe('log');
    expect(axes.lengths).toHaveLength(5);
    expect(axes.depths).toHaveLength(4);
  });

  it('spaces bins in log when every sweep doubles', () => {
    const doubling = (score: number) =>
      runOf([4096, 8192, 16384, 32768].flatMap((l) => cellTrials(l, 50, [score])));
    const axes = sharedBinAxes([doubling(1), doubling(0)])!;
    expect(axes.scale).toBe('log');
    // Four lengths, four bins, one length in each.
    expect(axes.lengths.map((b) => b.label)).toEqual([
      '4.1K–6.9K',
      '6.9K–11.6K',
      '11.6K–19.5K',
      '19.5K–32.8K',
    ]);
  });

  it('is null when the ranges do not overlap or a run has no depth', () => {
    const later = runOf(cellTrials(9000, 50, [1]));
    expect(sharedBinAxes([wide, later])).toBeNull();
    expect(sharedBinAxes([wide, runOf(cellTrials(3000, null, [1], 'vt'))])).toBeNull();
  });
});

describe('binRun', () => {
  const axes = {
    scale: 'linear' as const,
    lengths: lengthBins([1000, 2000, 3000]),
    depths: depthBands(50),
  };

  it('pools the trials of every cell in a bin, weighted by trial', () => {
    const run = runOf([
      ...cellTrials(1000, 10, [1, 1, 1]),
      ...cellTrials(1500, 40, [0]),
      ...cellTrials(2000, 60, [0.5]),
      // The last bin of each axis is closed.
      ...cellTrials(3000, 100, [1]),
      // Outside the range: left out and counted.
      ...cellTrials(4000, 10, [0]),
    ]);
    const grid = binRun(run, axes, 'mean', 0.7);
    expect(grid.slots.map((s) => [s.length.label, s.depth.label, s.value, s.n, s.cells])).toEqual([
      ['1K–2K', '0–50%', 0.75, 4, 2],
      ['2K–3K', '0–50%', null, 0, 0],
      ['1K–2K', '50–100%', null, 0, 0],
      ['2K–3K', '50–100%', 0.75, 2, 2],
    ]);
    expect(grid.outsideRange).toBe(1);
    expect(grid.averagedCells).toBe(0);
  });

  it('gives pass rates at the threshold over the pooled trials', () => {
    const run = runOf([...cellTrials(1000, 10, [0.8, 0.6]), ...cellTrials(1200, 20, [0.9])]);
    expect(binRun(run, axes, 'passRate', 0.7).slots[0]?.value).toBeCloseTo(2 / 3, 12);
  });

  it('counts a pre-averaged cell with its n and says how many it pooled', () => {
    const run = runOf(cellTrials(1000, 10, [0]), {
      summaries: [makeSummary({ lengthTokens: 1500, depthPercent: 20, n: 3, meanScore: 1 })],
    });
    const grid = binRun(run, axes, 'mean', 0.7);
    expect(grid.slots[0]).toMatchObject({ value: 0.75, n: 4, cells: 2, averagedCells: 1 });
    expect(grid.averagedCells).toBe(1);
  });

  it('bins one task, and counts cells without a depth apart', () => {
    const run = runOf([
      ...cellTrials(1000, 10, [1], 'a'),
      ...cellTrials(1000, 10, [0], 'b'),
      ...cellTrials(1000, null, [0], 'c'),
    ]);
    expect(binRun(run, axes, 'mean', 0.7, 'a').slots[0]?.value).toBe(1);
    const all = binRun(run, axes, 'mean', 0.7);
    expect(all.slots[0]?.value).toBe(0.5);
    expect(all.noDepth).toBe(1);
  });
});
