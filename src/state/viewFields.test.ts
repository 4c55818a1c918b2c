import { describe, expect, it } from 'vitest';
import { DEFAULT_FIGURE } from '../chart/figureOptions';
import { DEFAULT_THRESHOLD } from '../core/metrics';
import {
  DEFAULT_VIEW,
  LINKED_KEYS,
  PREFERENCE_KEYS,
  readLinked,
  RUN_KEYS,
  VIEW_KEYS,
} from './viewFields';

describe('the view-field table', () => {
  it('gives the default view', () => {
    expect(DEFAULT_VIEW).toEqual({
      metric: 'mean',
      threshold: DEFAULT_THRESHOLD,
      palette: 'classic',
      task: null,
      hiddenRunIds: [],
      align: false,
      diffA: null,
      diffB: null,
      effectiveThreshold: 0.85,
      showLengthMean: false,
      showDepthMean: false,
      lengthScale: 'auto',
      drill: null,
      figure: DEFAULT_FIGURE,
      callouts: [],
      colorScheme: 'system',
      diffMode: 'auto',
      binCount: null,
      binScale: 'auto',
      depthBand: 10,
      smallMultiples: false,
    });
  });

  it('says what links carry: runs by position, not hidden runs, the drill-down or preferences', () => {
    expect(RUN_KEYS).toEqual(['diffA', 'diffB']);
    expect(LINKED_KEYS).not.toContain('hiddenRunIds');
    expect(LINKED_KEYS).not.toContain('drill');
    expect(PREFERENCE_KEYS).toEqual(['colorScheme']);
    expect(
      new Set([
        ...LINKED_KEYS,
        ...RUN_KEYS,
        ...PREFERENCE_KEYS,
        'hiddenRunIds',
        'drill',
        'diffMode',
        'binCount',
        'binScale',
        'depthBand',
        'smallMultiples',
      ]),
    ).toEqual(new Set(VIEW_KEYS));
  });

  it('reads untrusted values field by field, within bounds', () => {
    const limits = { maxTaskChars: 3 };
    expect(readLinked('metric', 'passRate', limits)).toBe('passRate');
    expect(readLinked('metric', 'toString', limits)).toBeUndefined();
    expect(readLinked('task', 'abcd', limits)).toBeUndefined();
    expect(readLinked('task', null, limits)).toBeNull();
    expect(readLinked('figure', { ...DEFAULT_FIGURE, extra: 1 }, limits)).toEqual(DEFAULT_FIGURE);
  });

  it('carries the margin strips and the length scale, opening older links without them', () => {
    const limits = { maxTaskChars: 3 };
    expect(LINKED_KEYS).toEqual(
      expect.arrayContaining(['showLengthMean', 'showDepthMean', 'lengthScale']),
    );
    expect(readLinked('showDepthMean', true, limits)).toBe(true);
    expect(readLinked('showDepthMean', undefined, limits)).toBe(false);
    expect(readLinked('showDepthMean', 'yes', limits)).toBeUndefined();
    expect(readLinked('lengthScale', 'log', limits)).toBe('log');
    expect(readLinked('lengthScale', undefined, limits)).toBe('auto');
    expect(readLinked('lengthScale', 'sqrt', limits)).toBeUndefined();
  });
});
