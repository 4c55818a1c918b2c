import { describe, expect, it } from 'vitest';
import { DIFF_TICKS } from './diverging';
import {
  legendTitleLines,
  TICK_LABEL_CHARS,
  TICK_LABEL_PX,
  TITLE_OFFSET_PX,
  wantedTitleLines,
} from './Legend';
import { PERCENT_TICKS } from './panels';

/** Advance of a 12 px tick character, as the layout counts it. */
const CHAR_PX = 7;

describe('the legend title', () => {
  it('stays clear of every tick label: the title starts past the longest', () => {
    for (const tick of [...PERCENT_TICKS, ...DIFF_TICKS]) {
      expect(tick.label.length).toBeLessThanOrEqual(TICK_LABEL_CHARS);
    }
    // The rotated title's glyphs reach about 3 px back from its baseline.
    expect(TICK_LABEL_PX + TICK_LABEL_CHARS * CHAR_PX).toBeLessThan(TITLE_OFFSET_PX - 3);
  });

  it('is whole when it fits along the bar', () => {
    expect(legendTitleLines('Mean score', 300, 1)).toEqual(['Mean score']);
  });

  it("draws a metric's title whole on a short bar, as it says what the colours mean", () => {
    expect(legendTitleLines('Pass rate (score ≥ 0.50)', 110, 1)).toEqual([
      'Pass rate (score ≥ 0.50)',
    ]);
  });

  it('names both runs in full on two lines, broken after the minus', () => {
    const title = 'claude-2.1 − gpt-4-128k (points)';
    expect(wantedTitleLines(title)).toBe(2);
    expect(legendTitleLines(title, 180, 2)).toEqual(['claude-2.1 −', 'gpt-4-128k (points)']);
    expect(legendTitleLines(title, 400, 2)).toEqual([title]);
  });

  it('ends a line too long for the bar in an ellipsis', () => {
    const lines = legendTitleLines('a-very-long-model-name-indeed − b (points)', 110, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/…$/);
    for (const line of lines) expect(line.length * 7.2).toBeLessThanOrEqual(110);
    expect(legendTitleLines('a-very-long-model-name − b (points)', 110, 1)).toHaveLength(1);
  });
});
