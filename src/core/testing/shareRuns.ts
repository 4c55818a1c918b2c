import type { Run } from '../types';
import { makeTrial } from './factories';
import { cellTrials, makeSummary, runOf } from './runs';
import { hayRun, shortRun } from './summaryRuns';

/**
 * A run with every kind of cell a share must carry exactly: tasks, cells without a depth, a
 * depth that rounds, a float sum (0.1 + 0.2), a summary with its own pass rate beside known
 * trials, a cell of failed calls only, and a name holding markup.
 */
export function taskRun(): Run {
  return runOf(
    [
      ...cellTrials(4096, null, [1, 0.3, 0.3], 'niah_single_1'),
      ...cellTrials(8192, null, [0.1, 0.2, 0.7], 'niah_multivalue'),
      ...cellTrials(4096, 33.3333, [0.7, 0.1 + 0.2], 'niah_single_1'),
    ],
    {
      name: '<img src=x onerror="alert(1)"> & co',
      failed: [makeTrial({ lengthTokens: 16384, depthPercent: null, task: 'niah_multivalue' })],
      summaries: [
        makeSummary({
          lengthTokens: 4096,
          depthPercent: null,
          task: 'niah_single_1',
          n: 7,
          meanScore: 0.37,
          passRate: 3 / 7,
        }),
      ],
    },
  );
}

/** Three runs to share: two on a depth grid (one with a failed-calls-only cell), one by task. */
export function runsToShare(): Run[] {
  return [hayRun(), shortRun(), { ...taskRun(), formats: ['RULER predictions (JSONL)'] }];
}
