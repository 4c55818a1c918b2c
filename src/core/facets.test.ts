import { describe, expect, it } from 'vitest';
import {
  facetKey,
  facetPanels,
  facetRun,
  facetValuesOf,
  splitFields,
  taskAxes,
  taskPanels,
} from './facets';
import { heatmapGrid } from './grid';
import { loadBatch } from './load';
import { cellMean } from './metrics';
import { mergeRuns, splitRun } from './runActions';
import { makeTrial } from './testing/factories';
import { realFolder } from './testing/realData';
import { runOf } from './testing/runs';
import type { Run } from './types';

/** Trials of 1 and 3 needles in the same cell, and one at another length. */
function needleRun(): Run {
  return runOf(
    [
      makeTrial({ score: 1, facets: { needles: '1' } }),
      makeTrial({ score: 1, facets: { needles: '1' } }),
      makeTrial({ score: 1 / 3, facets: { needles: '3' } }),
      makeTrial({ lengthTokens: 2000, score: 0, facets: { needles: '10' } }),
    ],
    { name: 'multi' },
  );
}

describe('facets in the aggregate', () => {
  it('keeps cells of different facet values apart, and lists the values in number order', () => {
    const run = needleRun();
    expect(run.cells.map((c) => [c.lengthTokens, c.facets?.needles, c.n])).toEqual([
      [1000, '1', 2],
      [1000, '3', 1],
      [2000, '10', 1],
    ]);
    expect(run.facetValues).toEqual({ needles: ['1', '3', '10'] });
    expect(splitFields(run)).toEqual(['needles']);
  });

  it('still pools the facets in the run’s own grid', () => {
    const grid = heatmapGrid(needleRun(), null, 'mean', 0.7);
    expect(grid.slots[0]?.cell?.n).toBe(3);
  });

  it('writes a facet key whatever the order of its fields', () => {
    expect(facetKey({ needles: '3', mode: 'x' })).toBe(facetKey({ mode: 'x', needles: '3' }));
    expect(facetKey(undefined)).toBe('');
  });

  it('lists only fields with several values', () => {
    expect(
      facetValuesOf([
        { facets: { mode: 'a', needles: '1' } },
        { facets: { mode: 'a', needles: '2' } },
      ]),
    ).toEqual({ needles: ['1', '2'] });
  });
});

describe('facetPanels', () => {
  it('gives one small multiple per value, each exact, with its data-facet label', () => {
    const panels = facetPanels(needleRun());
    expect(panels.map((p) => [p.facet, p.run.trialCount, p.run.lengths])).toEqual([
      ['needles=1', 2, [1000]],
      ['needles=3', 1, [1000]],
      ['needles=10', 1, [2000]],
    ]);
    expect(panels[1]?.run.details.map((t) => t.score)).toEqual([1 / 3]);
    expect(facetPanels(runOf([makeTrial()]))).toEqual([]);
  });

  it('splits by task as well', () => {
    const run = runOf([makeTrial({ task: 'a', score: 1 }), makeTrial({ task: 'b', score: 0 })]);
    expect(splitFields(run)).toEqual(['task']);
    expect(facetRun(run, 'task', 'b').cells.map(cellMean)).toEqual([0]);
    expect(facetPanels(run, 'task').map((p) => p.facet)).toEqual(['task=a', 'task=b']);
  });
});

describe('splitRun and mergeRuns', () => {
  it('splits a run into one run per value, named for it', () => {
    const parts = splitRun(needleRun(), 'needles');
    expect(parts.map((p) => [p.name, p.trialCount, 'id' in p])).toEqual([
      ['multi (needles=1)', 2, false],
      ['multi (needles=3)', 1, false],
      ['multi (needles=10)', 1, false],
    ]);
    expect(splitRun(needleRun(), 'mode')).toEqual([]);
  });

  it('merges the parts back into the cells of the whole', () => {
    const whole = needleRun();
    const parts = splitRun(whole, 'needles').map((p, i) => ({ ...p, id: String(i) }));
    const merged = mergeRuns(parts, 'multi');
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.run.cells).toEqual(whole.cells);
    expect(merged.run.trialCount).toBe(whole.trialCount);
    expect(merged.run.facetValues).toEqual(whole.facetValues);
  });

  it('adds the cells of two runs of one sweep and names the result after both', () => {
    const a = runOf([makeTrial({ score: 1 })], { name: 'a' });
    const b = runOf([makeTrial({ score: 0 }), makeTrial({ score: 0 })], { name: 'b' });
    const merged = mergeRuns([a, b]);
    expect(merged.ok && [merged.run.name, merged.run.cells.map((c) => [c.n, cellMean(c)])]).toEqual(
      ['a + b', [[3, 1 / 3]]],
    );
  });

  it('keeps the names of length buckets of the runs merged', () => {
    const a = {
      ...runOf([makeTrial({ lengthTokens: 32000 })], { name: 'a' }),
      lengthLabels: { 32000: 'short' },
    };
    const b = {
      ...runOf([makeTrial({ lengthTokens: 128000 })], { name: 'b' }),
      lengthLabels: { 128000: 'medium' },
    };
    const merged = mergeRuns([a, b]);
    expect(merged.ok && merged.run.lengthLabels).toEqual({ 32000: 'short', 128000: 'medium' });
  });

  it('refuses to merge tokens with frames, or fewer than two runs', () => {
    const a = runOf([makeTrial()], { name: 'a' });
    const video = { ...runOf([makeTrial()], { name: 'v' }), lengthUnit: 'frames' as const };
    expect(mergeRuns([a, video])).toEqual({
      ok: false,
      reason: 'The runs count length in different units (tokens and frames).',
    });
    expect(mergeRuns([a]).ok).toBe(false);
  });
});

const real = realFolder('gkamradt-multi-needle');
const realResult = await loadBatch(real ?? []);

describe.skipIf(!real)('the LangChain multi-needle CSVs by needle count (shared/data/real)', () => {
  const run = { ...realResult.runs.find((r) => r.name === 'gpt-4-0125-preview')!, id: 'gpt4' };

  it('offers needle counts 1, 3 and 10 as small multiples', () => {
    expect(run.facetValues).toEqual({ needles: ['1', '3', '10'] });
    expect(facetPanels(run).map((p) => p.facet)).toEqual(['needles=1', 'needles=3', 'needles=10']);
  });

  it('keeps each count’s cell exact: retrieval (24800, 5), worked out from the CSV by hand', () => {
    const at = (needles: string) =>
      facetRun(run, 'needles', needles).cells.find(
        (c) => c.task === 'retrieval' && c.lengthTokens === 24800 && c.depthPercent === 5,
      );
    // 3 needles: 3, 3, 2, 3, 3 retrieved -> (4 + 2/3) / 5.
    expect(at('3')?.n).toBe(5);
    expect(cellMean(at('3')!)).toBeCloseTo((4 + 2 / 3) / 5, 12);
    // 10 needles: 7, 4, 4, 4, 4, 4, 4, 4, 7 retrieved -> 42 / 90.
    expect(at('10')?.n).toBe(9);
    expect(cellMean(at('10')!)).toBeCloseTo(42 / 90, 12);
    expect(at('1')).toBeUndefined();
  });
});

describe('taskPanels', () => {
  it('gives one panel per task with depths, in natural order, each holding only its task', () => {
    const run = runOf([
      makeTrial({ task: 'qa10', score: 1 }),
      makeTrial({ task: 'qa2', score: 0 }),
      makeTrial({ task: 'qa2', score: 1, depthPercent: 0 }),
      makeTrial({ task: 'summary', depthPercent: null, score: 1 }),
    ]);
    const panels = taskPanels(run);
    expect(panels.map((p) => [p.value, p.run.trialCount, p.run.tasks])).toEqual([
      ['qa2', 2, ['qa2']],
      ['qa10', 1, ['qa10']],
    ]);
    expect(taskAxes(run)).toEqual({ rowKind: 'depth', lengths: [1000], rows: [0, 50] });
  });

  it('gives none for a run with one task with depths, or tasks without depth', () => {
    const one = runOf([makeTrial({ task: 'a' }), makeTrial({ task: 'b', depthPercent: null })]);
    const none = runOf([
      makeTrial({ task: 'a', depthPercent: null }),
      makeTrial({ task: 'b', depthPercent: null }),
    ]);
    expect(taskPanels(one)).toEqual([]);
    expect(taskPanels(none)).toEqual([]);
  });
});
