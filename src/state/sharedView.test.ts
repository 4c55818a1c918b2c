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
      callouts: [],
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

  const CALLOUT = { text: 'Fails here', at: { lengthTokens: 1000, row: 50 }, to: null };
  const RANGE = {
    text: 'Weak region',
    at: { lengthTokens: 1000, row: 0 },
    to: { lengthTokens: 4000, row: 'niah_single_1' },
  };

  it('carry the figure’s shape, type and callouts', () => {
    const figured: ViewState = {
      ...view,
      figure: {
        ...DEFAULT_VIEW.figure,
        aspect: 'custom',
        widthPx: 1600,
        heightPx: 800,
        titleAlign: 'left',
        axisTitlePx: 18,
        legend: 'stops',
      },
      callouts: [CALLOUT, RANGE],
    };
    const shared = sharedViewOf(figured, runs);
    const checked = readSharedView(JSON.parse(JSON.stringify(shared)));
    expect(checked).toEqual({ ok: true, value: shared });
    expect(viewPatchOf(shared, ['x', 'y', 'z'])).toMatchObject({
      figure: figured.figure,
      callouts: [CALLOUT, RANGE],
    });
  });

  it('open links written before the figure options and callouts, with their defaults', () => {
    const old: Record<string, unknown> = { ...sharedViewOf(DEFAULT_VIEW, []) };
    delete old.callouts;
    const oldFigure = {
      theme: 'dark',
      valueLabels: 'all',
      gridlines: true,
      trainedLength: 8192,
      depthHints: false,
    };
    const checked = readSharedView({ ...old, figure: oldFigure });
    expect(checked).toEqual({
      ok: true,
      value: { ...old, callouts: [], figure: { ...DEFAULT_VIEW.figure, ...oldFigure } },
    });
  });

  const shared = sharedViewOf(DEFAULT_VIEW, []);
  const figure = (patch: Record<string, unknown>) => ({
    ...shared,
    figure: { ...DEFAULT_VIEW.figure, ...patch },
  });
  it.each([
    ['an unknown aspect', figure({ aspect: '21:9' })],
    ['a custom aspect without a height', figure({ aspect: 'custom', widthPx: 1600 })],
    ['a height without a custom aspect', figure({ aspect: '16:9', heightPx: 800 })],
    ['a width of 10 px', figure({ widthPx: 10 })],
    ['a fractional width', figure({ widthPx: 1200.5 })],
    ['a huge axis title', figure({ axisTitlePx: 400 })],
    ['an unknown legend', figure({ legend: 'pie' })],
    ['an unknown title alignment', figure({ titleAlign: 'right' })],
  ])('refuse %s', (_, value) => {
    expect(readSharedView(value)).toEqual({
      ok: false,
      reason: 'the view’s figure options are not valid',
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

  it.each([
    ['not a list', { ...CALLOUT }],
    ['an empty text', [{ ...CALLOUT, text: ' ' }]],
    ['a text too long', [{ ...CALLOUT, text: 'x'.repeat(201) }]],
    ['a depth beyond 100', [{ ...CALLOUT, at: { lengthTokens: 1000, row: 150 } }]],
    ['a negative length', [{ ...CALLOUT, at: { lengthTokens: -1, row: 50 } }]],
    ['a missing cell', [{ text: 'x', to: null }]],
    ['a range corner that is not a cell', [{ ...CALLOUT, to: 'everywhere' }]],
    ['too many', Array.from({ length: 13 }, () => CALLOUT)],
  ])('refuse callouts with %s', (_, callouts) => {
    const checked = readSharedView({ ...shared, callouts });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.reason).toContain('callouts are not valid');
  });
});
