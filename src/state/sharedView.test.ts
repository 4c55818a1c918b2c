import { describe, expect, it } from 'vitest';
import { runsToShare } from '../core/testing/shareRuns';
import { readSharedView, sharedViewOf, viewPatchOf } from './sharedView';
import type { ViewState } from './types';
import { DEFAULT_VIEW } from './viewFields';

describe('shared views', () => {
  const runs = runsToShare();
  const [a, b, c] = runs.map((run) => run.id);
  const view: ViewState = {
    ...DEFAULT_VIEW,
    metric: 'passRate',
    hiddenRunIds: [a!],
    diffA: c!,
    diffB: a!,
    drill: { runId: b!, lengthTokens: 1000, row: 50 },
  };

  it('share the difference runs by position among the shared runs, not hidden runs or the drill-down', () => {
    const shared = sharedViewOf(view, [runs[1]!, runs[2]!]);
    expect(shared).toMatchObject({ metric: 'passRate', diffA: 1, diffB: null });
    expect(shared).not.toHaveProperty('hiddenRunIds');
    expect(shared).not.toHaveProperty('drill');
  });

  it('read back into a view change with the new ids of the runs', () => {
    const shared = sharedViewOf(view, runs);
    const checked = readSharedView(JSON.parse(JSON.stringify(shared)));
    expect(checked).toEqual({ ok: true, value: shared });
    expect(viewPatchOf(shared, ['x', 'y', 'z'])).toEqual({
      metric: 'passRate',
      threshold: DEFAULT_VIEW.threshold,
      palette: DEFAULT_VIEW.palette,
      task: null,
      align: false,
      effectiveThreshold: DEFAULT_VIEW.effectiveThreshold,
      showLengthMean: false,
      showDepthMean: false,
      lengthScale: 'auto',
      figure: DEFAULT_VIEW.figure,
      diffA: 'z',
      diffB: 'x',
    });
    expect(viewPatchOf(shared, ['x'])).toMatchObject({ diffA: null, diffB: 'x' });
  });

  it('opens a link written before the depth strip and the length scale existed', () => {
    const { showDepthMean, lengthScale, ...older } = sharedViewOf(
      { ...view, showDepthMean: true, lengthScale: 'log' },
      runs,
    );
    expect([showDepthMean, lengthScale]).toEqual([true, 'log']);
    const checked = readSharedView(JSON.parse(JSON.stringify(older)));
    expect(checked).toMatchObject({
      ok: true,
      value: { showDepthMean: false, lengthScale: 'auto' },
    });
  });

  it.each([
    null,
    [],
    'view',
    { ...sharedViewOf(DEFAULT_VIEW, []), task: 7 },
    { ...sharedViewOf(DEFAULT_VIEW, []), lengthScale: 'sqrt' },
  ])('refuse %j', (value) => {
    expect(readSharedView(value).ok).toBe(false);
  });
});
