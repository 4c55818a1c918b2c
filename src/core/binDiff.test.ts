import { describe, expect, it } from 'vitest';
import { chooseComparison, diffOnBins } from './binDiff';
import { cellTrials, makeSummary, runOf } from './testing/runs';

/** Trials at every (length, depth) of a sweep, all with one score. */
const sweep = (name: string, lengths: number[], depths: number[], score: number) =>
  runOf(
    lengths.flatMap((l) => depths.flatMap((d) => cellTrials(l, d, [score, score]))),
    { name },
  );

describe('diffOnBins', () => {
  it('takes B from A bin by bin and lists the bins either run leaves empty', () => {
    const a = runOf([...cellTrials(1000, 5, [1, 1]), ...cellTrials(2000, 5, [1, 0])]);
    const b = runOf([...cellTrials(1200, 5, [0, 0, 1, 1]), ...cellTrials(2000, 95, [1])]);
    const diff = diffOnBins(a, b, 'mean', 0.7, { lengthBins: 2, depthBandPercent: 50 })!;
    expect(diff.axes.lengths.map((l) => l.label)).toEqual(['1.2K–1.6K', '1.6K–2K']);
    expect(diff.slots.map((s) => [s.length.label, s.depth.label, s.value])).toEqual([
      ['1.2K–1.6K', '0–50%', null],
      ['1.6K–2K', '0–50%', null],
      ['1.2K–1.6K', '50–100%', null],
      ['1.6K–2K', '50–100%', null],
    ]);
    expect(diff.compared).toBe(0);
    expect(diff.notCompared.map((n) => n.missing)).toEqual(['a', 'b', 'both', 'a']);
  });

  it('compares trial-weighted means of the trials in each bin', () => {
    const a = runOf([
      ...cellTrials(1000, 0, [1, 1, 1]),
      ...cellTrials(1500, 40, [0]),
      ...cellTrials(3000, 60, [0.5]),
    ]);
    const b = runOf([...cellTrials(1100, 20, [0.5, 0.5]), ...cellTrials(2900, 90, [1])]);
    const diff = diffOnBins(a, b, 'mean', 0.7, { lengthBins: 2, depthBandPercent: 50 })!;
    // Range 1100..2900: A's 1000 falls outside, 1500 is in, 3000 outside.
    expect(diff.slots.map((s) => s.value)).toEqual([-0.5, null, null, null]);
    expect(diff.slots[0]).toMatchObject({ a: { n: 1 }, b: { n: 2 } });
  });

  it('tests pooled pass counts with the FDR correction, and says how many were testable', () => {
    const lengths = [1000, 2000, 3000, 4000];
    const a = sweep('a', lengths, [5, 55], 1);
    const b = sweep('b', lengths, [5, 55], 0);
    const diff = diffOnBins(a, b, 'mean', 0.7, { lengthBins: 2, depthBandPercent: 50 })!;
    expect(diff.compared).toBe(4);
    // Each bin: 4 passes of 4 against 0 of 4, p = 0.0286; BH keeps all four.
    expect(diff.significance).toMatchObject({ testable: 4, significant: 4 });
    expect(diff.significance.note).toBe(
      '4 of 4 testable bins differ at FDR 5 % (Benjamini-Hochberg).',
    );
  });

  it('says when pre-averaged cells were pooled, and does not test them', () => {
    const averaged = runOf([], {
      summaries: [
        makeSummary({ lengthTokens: 1000, depthPercent: 5, n: 1, meanScore: 1 }),
        makeSummary({ lengthTokens: 2000, depthPercent: 5, n: 1, meanScore: 1 }),
      ],
    });
    const trials = runOf([...cellTrials(1000, 5, [0, 0]), ...cellTrials(2000, 5, [0])]);
    const diff = diffOnBins(averaged, trials, 'mean', 0.7, { lengthBins: 1 })!;
    expect(diff.averagedCells).toEqual({ a: 2, b: 0 });
    expect(diff.slots[0]).toMatchObject({
      value: 1,
      a: { n: 2, averagedCells: 2 },
      test: { testable: false, reason: 'pre-averaged' },
    });
    expect(diff.significance.note).toBe(
      'No bins could be tested for a difference beyond chance; 1 bin could not be tested: 1 pre-averaged.',
    );
  });

  it('is null when the runs share no range', () => {
    expect(
      diffOnBins(runOf(cellTrials(1000, 5, [1])), runOf(cellTrials(2000, 5, [1])), 'mean', 0.7),
    ).toBeNull();
  });
});

describe('chooseComparison', () => {
  const depths = [0, 25, 50, 75, 100];

  it('compares cell by cell when at least half of the smaller run matches', () => {
    const a = sweep('A', [1000, 2000, 3000, 4000], depths, 1);
    const b = sweep('B', [1000, 2000, 5000], depths, 0);
    expect(chooseComparison(a, b)).toEqual({
      mode: 'exact',
      matched: 10,
      smallerCells: 15,
      reason: "10 of the 15 cells of B match the other run's exactly: compared cell by cell.",
    });
  });

  it('chooses bins when fewer than half match, and says why', () => {
    const a = sweep('A', [1000, 2000, 3000, 4000], depths, 1);
    const b = sweep('B', [1000, 2500, 3500, 4000], [0, 30, 60, 90], 0);
    const choice = chooseComparison(a, b);
    expect(choice).toMatchObject({ mode: 'bins', matched: 2, smallerCells: 16 });
    expect(choice.reason).toBe(
      "Only 2 of the 16 cells of B match the other run's exactly (fewer than half): compared on shared bins, 3 length bins over 1K–4K × 10 depth bands.",
    );
  });

  it('stays exact, saying why, when there is nothing to bin', () => {
    const a = sweep('A', [1000], [0], 1);
    const b = sweep('B', [2000], [0], 1);
    expect(chooseComparison(a, b).reason).toBe(
      "Only 0 of the 1 cells of A match the other run's exactly, and the runs share no range of lengths with depths to bin.",
    );
  });
});
