import { describe, expect, it } from 'vitest';
import { lengthPoints } from './lengthStats';
import { cellTrials, makeSummary, runOf } from './testing/runs';

describe('lengthPoints', () => {
  // Length 1000: depth 0 scores 1, 1, 0 and depth 50 scores 0.5: four trials.
  const run = runOf([...cellTrials(1000, 0, [1, 1, 0]), ...cellTrials(1000, 50, [0.5])]);

  it('weighs every trial once, not every cell', () => {
    const [point] = lengthPoints(run, { task: null, metric: 'mean', threshold: 0.7 });
    expect(point?.value).toBeCloseTo(2.5 / 4, 12); // the mean of cells would be 0.583
    expect(point?.n).toBe(4);
    expect(point?.cells).toBe(2);
  });

  it('gives a mean its t-interval over the trials', () => {
    const [point] = lengthPoints(run, { task: null, metric: 'mean', threshold: 0.7 });
    // Scores 1, 1, 0, 0.5: sd = sqrt(0.6875 / 3) = 0.478714; t(0.975, 3) = 3.182446.
    const half = 3.182446305 * (0.4787135539 / 2);
    expect(point?.interval?.lower).toBeCloseTo(0.625 - half, 6);
    expect(point?.interval?.upper).toBeCloseTo(0.625 + half, 6);
  });

  it('gives a pass rate its Wilson interval', () => {
    const [point] = lengthPoints(run, { task: null, metric: 'passRate', threshold: 0.7 });
    expect(point?.value).toBeCloseTo(0.5, 12);
    // 2 of 4: R's prop.test(2, 4, correct = FALSE)$conf.int = 0.1500, 0.8500.
    expect(point?.interval?.lower).toBeCloseTo(0.15, 4);
    expect(point?.interval?.upper).toBeCloseTo(0.85, 4);
  });

  it('gives a single trial no interval, and says so', () => {
    const [point] = lengthPoints(runOf(cellTrials(2000, 10, [1])), {
      task: null,
      metric: 'mean',
      threshold: 0.7,
    });
    expect(point).toMatchObject({ value: 1, n: 1, interval: null, noInterval: 'one-trial' });
  });

  it('gives pre-averaged cells no interval, and says so', () => {
    const averaged = runOf([], {
      summaries: [makeSummary({ lengthTokens: 4000, n: 20, meanScore: 0.8 })],
    });
    const [point] = lengthPoints(averaged, { task: null, metric: 'mean', threshold: 0.7 });
    expect(point).toMatchObject({ n: 20, interval: null, noInterval: 'averaged' });
    expect(point?.value).toBeCloseTo(0.8, 12);
  });

  it('gives pre-averaged cells no pass rate: it would be their mean again', () => {
    const averaged = runOf(cellTrials(1000, 0, [1, 0]), {
      summaries: [makeSummary({ lengthTokens: 4000, n: 20, meanScore: 0.8 })],
    });
    const points = lengthPoints(averaged, { task: null, metric: 'passRate', threshold: 0.7 });
    expect(points.map((p) => p.lengthTokens)).toEqual([1000]);
  });

  it('lists lengths in ascending order', () => {
    const two = runOf([...cellTrials(8000, 0, [1, 0]), ...cellTrials(1000, 0, [1, 1])]);
    const points = lengthPoints(two, { task: null, metric: 'mean', threshold: 0.7 });
    expect(points.map((p) => p.lengthTokens)).toEqual([1000, 8000]);
  });
});
