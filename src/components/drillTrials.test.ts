import { describe, expect, it } from 'vitest';
import { makeTrial } from '../core/testing/factories';
import { runOf } from '../core/testing/runs';
import { trialsOfCell } from './drillTrials';

const run = runOf([
  makeTrial({ task: 'english', score: 1, lengthTokens: 1000, depthPercent: 50 }),
  makeTrial({ task: 'chinese', score: 0, lengthTokens: 1000, depthPercent: 50 }),
  makeTrial({ task: 'chinese', score: 0, lengthTokens: 1000, depthPercent: 0, facets: { n: '3' } }),
]);

describe('the trials of a drilled cell', () => {
  it('lists every task’s trials of a pooled cell, and one task’s of its small multiple', () => {
    const cell = { runId: run.id, lengthTokens: 1000, row: 50 };
    expect(trialsOfCell(run, cell, null).map((t) => t.task)).toEqual(['english', 'chinese']);
    const within = { field: 'task', value: 'chinese' };
    expect(trialsOfCell(run, { ...cell, within }, null).map((t) => t.task)).toEqual(['chinese']);
  });

  it('keeps to the facet value of a facet’s small multiple', () => {
    const cell = { runId: run.id, lengthTokens: 1000, row: 0 };
    expect(trialsOfCell(run, { ...cell, within: { field: 'n', value: '3' } }, null)).toHaveLength(
      1,
    );
    expect(trialsOfCell(run, { ...cell, within: { field: 'n', value: '1' } }, null)).toHaveLength(
      0,
    );
  });
});
