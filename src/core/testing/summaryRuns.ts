import { makeTrial } from './factories';
import { cellTrials, runOf } from './runs';

/**
 * Runs whose summaries are worked out by hand in the tests that use them. Two trials a cell so
 * that the pass rate at 0.7 differs from the mean.
 *
 * | depth \ length | 1000  | 2000   | 4000    | 8000            |
 * | 0              | 1, 1  | 1, 1   | 1, 1    | 1, 1            |
 * | 50             | 1, 1  | 1, .8  | .6, .6  | .9, .9          |
 * | 100            | 1, 1  | .6, 1  | .7, .9  | one failed call |
 *
 * Column means 1, .9, .8, .95; one more failed call at (1000, 0). A name CSV has to quote.
 */
export function hayRun() {
  return runOf(
    [
      ...cellTrials(1000, 0, [1, 1]),
      ...cellTrials(1000, 50, [1, 1]),
      ...cellTrials(1000, 100, [1, 1]),
      ...cellTrials(2000, 0, [1, 1]),
      ...cellTrials(2000, 50, [1, 0.8]),
      ...cellTrials(2000, 100, [0.6, 1]),
      ...cellTrials(4000, 0, [1, 1]),
      ...cellTrials(4000, 50, [0.6, 0.6]),
      ...cellTrials(4000, 100, [0.7, 0.9]),
      ...cellTrials(8000, 0, [1, 1]),
      ...cellTrials(8000, 50, [0.9, 0.9]),
    ],
    {
      name: 'Model "A", v2',
      failed: [
        makeTrial({ lengthTokens: 8000, depthPercent: 100 }),
        makeTrial({ lengthTokens: 1000, depthPercent: 0 }),
      ],
    },
  );
}

/**
 * A run below 0.85 from its first length, with a length no other run has and a name Markdown
 * has to escape. Cells: (1000, 0) .8, (1000, 100) .8, (16000, 0) 1, (16000, 100) 0.
 */
export function shortRun() {
  return runOf(
    [
      ...cellTrials(1000, 0, [0.8]),
      ...cellTrials(1000, 100, [0.8]),
      ...cellTrials(16000, 0, [1]),
      ...cellTrials(16000, 100, [0]),
    ],
    { name: 'short | fast' },
  );
}
