import { describe, expect, it } from 'vitest';
import { summarizeRun } from './summary';
import { passRateLabel, trialFigures } from './trialFigures';
import { cellTrials, makeSummary, runOf } from './testing/runs';

describe('trialFigures', () => {
  it('keeps the mean of trials apart from the mean of cells', () => {
    // Cells: (1000, 0) three trials 1, 1, 1; (2000, 0) one trial 0.
    // Mean of cells (1 + 0) / 2 = 0.5; mean of trials 3 / 4 = 0.75.
    const run = runOf([...cellTrials(1000, 0, [1, 1, 1]), ...cellTrials(2000, 0, [0])]);
    const summary = summarizeRun(run, null, 0.7);
    expect(summary).toMatchObject({
      meanScore: 0.5,
      meanOfTrials: 0.75,
      passRate: 0.5,
      passRateApplies: true,
      trials: 4,
      knownTrials: 4,
      cells: 2,
      averagedCells: 0,
    });
  });

  it('gives no pass rate for a pre-averaged run, at any threshold', () => {
    // EasyContext-like: one mean per cell, n = 1: 0.9, 0.6 and 0.65, mean 2.15 / 3. A "pass
    // rate" could only be that mean again, whatever the threshold.
    const run = runOf([], {
      summaries: [
        makeSummary({ lengthTokens: 1000, depthPercent: 0, n: 1, meanScore: 0.9 }),
        makeSummary({ lengthTokens: 1000, depthPercent: 50, n: 1, meanScore: 0.6 }),
        makeSummary({ lengthTokens: 2000, depthPercent: 0, n: 1, meanScore: 0.65 }),
      ],
    });
    for (const threshold of [0.5, 0.7, 0.9]) {
      expect(summarizeRun(run, null, threshold)).toMatchObject({
        meanScore: expect.closeTo(2.15 / 3, 12) as number,
        meanOfTrials: expect.closeTo(2.15 / 3, 12) as number,
        passRate: null,
        passRateApplies: false,
        knownTrials: 0,
        averagedCells: 3,
        cells: 3,
        threshold,
      });
    }
  });

  it('weighs pre-averaged cells by their n in the mean of trials', () => {
    const run = runOf(cellTrials(1000, 0, [0]), {
      summaries: [makeSummary({ lengthTokens: 2000, depthPercent: 0, n: 3, meanScore: 1 })],
    });
    expect(trialFigures(run.cells, 0.7)).toEqual({
      meanOfTrials: 0.75,
      knownTrials: 1,
      averagedCells: 1,
      // One cell is known trial by trial: a pass rate means something there.
      passRateApplies: true,
      threshold: 0.7,
    });
  });

  it('has no mean without a scored trial', () => {
    expect(trialFigures([], 0.7)).toMatchObject({ meanOfTrials: null, passRateApplies: false });
  });

  it('labels the pass rate with its threshold', () => {
    expect(passRateLabel(0.7)).toBe('Pass rate (>= 0.70)');
  });
});
