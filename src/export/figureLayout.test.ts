import { describe, expect, it } from 'vitest';
import { DEFAULT_FIGURE, type FigureOptions } from '../chart/figureOptions';
import { makeTrial } from '../core/testing/factories';
import { runOf } from '../core/testing/runs';
import { DEFAULT_VIEW } from '../state/viewFields';
import { figureModel } from './figureModel';
import { figureSize, placeFigure, titlePx, wrapText } from './figureLayout';

describe('wrapText', () => {
  it.each([
    ['short', 20, ['short']],
    ['one two three four', 9, ['one two', 'three', 'four']],
    ['a-very-long-word-that-cannot-break', 10, ['a-very-long-word-that-cannot-break']],
    ['', 10, []],
  ])('%j at %d chars', (text, max, lines) => {
    expect(wrapText(text, max)).toEqual(lines);
  });
});

describe('figure sizes', () => {
  const auto = 656;
  const size = (options: Partial<FigureOptions>) =>
    figureSize({ ...DEFAULT_FIGURE, ...options }, auto);

  it.each([
    [{ aspect: '16:9' as const }, { width: 1200, height: 675 }],
    [{ aspect: '4:3' as const }, { width: 960, height: 720 }],
    [{ aspect: 'square' as const }, { width: 760, height: 760 }],
    [
      { aspect: '16:9' as const, widthPx: 1600 },
      { width: 1600, height: 900 },
    ],
    [
      { aspect: 'custom' as const, widthPx: 1500, heightPx: 700 },
      { width: 1500, height: 700 },
    ],
    [{ aspect: 'screen' as const }, { width: auto, height: null }],
    [
      { aspect: 'screen' as const, widthPx: 900 },
      { width: 900, height: null },
    ],
  ])('%j gives %j', (options, expected) => {
    expect(size(options)).toEqual(expected);
  });

  it('never make a fixed aspect narrower than its panels need', () => {
    expect(figureSize({ ...DEFAULT_FIGURE, aspect: 'square' }, 1940)).toEqual({
      width: 1940,
      height: 1940,
    });
  });
});

/** A sweep of `lengths` x depths 0..100 (step `depthStep`), one trial a cell, passing below 8K. */
function sweepRun(lengths: number[], depthStep = 10) {
  const trials = lengths.flatMap((lengthTokens) =>
    Array.from({ length: 100 / depthStep + 1 }, (_, i) =>
      makeTrial({
        lengthTokens,
        depthPercent: i * depthStep,
        score: lengthTokens < 8000 ? 1 : i % 3 === 0 ? 0 : 1,
      }),
    ),
  );
  return runOf(trials, { name: 'claude-like' });
}

function modelOf(lengths: number[], title = '', depthStep = 10) {
  const view = { ...DEFAULT_VIEW, callouts: [] };
  const model = figureModel([sweepRun(lengths, depthStep)], { kind: 'all' }, view, {
    title,
    subtitle: '',
  });
  if (!model) throw new Error('no model');
  return model;
}

const EIGHT = [1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000];
const TITLE = 'Pressure Testing Claude-2.1 200K via Fact Retrieval Across Context Lengths';

describe('placed figures', () => {
  it('keep a 16:9 figure at 16:9, the panel filling it', () => {
    const placed = placeFigure(modelOf(EIGHT), { ...DEFAULT_FIGURE, aspect: '16:9' });
    expect(placed.width / placed.height).toBeCloseTo(16 / 9, 2);
    const panel = placed.placed[0];
    expect(panel).toBeDefined();
    // The footnote ends near the bottom: no empty band under a short panel.
    expect((panel?.y ?? 0) + (panel?.layout.height ?? 0)).toBeGreaterThan(placed.height * 0.8);
  });

  it('have one heading block: the title, then one line of what the panel shows, no panel title', () => {
    const placed = placeFigure(modelOf(EIGHT, TITLE), { ...DEFAULT_FIGURE, aspect: '16:9' });
    expect(placed.heading.map((line) => line.kind)).toEqual(['title', 'subtitle']);
    expect(placed.heading[0]?.text).toBe(TITLE);
    expect(placed.heading[1]?.text).toMatch(/^claude-like · Mean of cells/);
    expect(placed.placed[0]?.title).toBeNull();
    expect(placed.placed[0]?.head).toBe(0);
  });

  it('keep the title on one line where it fits, and wrap it where it does not', () => {
    const wide = placeFigure(modelOf(EIGHT, TITLE), { ...DEFAULT_FIGURE, aspect: '16:9' });
    expect(wide.heading.filter((line) => line.kind === 'title')).toHaveLength(1);
    const narrow = placeFigure(modelOf(EIGHT, TITLE), { ...DEFAULT_FIGURE, widthPx: 420 });
    expect(narrow.heading.filter((line) => line.kind === 'title').length).toBeGreaterThan(1);
    expect(titlePx(1200)).toBeGreaterThan(titlePx(600));
  });

  it('say when values are too small to print instead of printing nothing', () => {
    const many = Array.from({ length: 60 }, (_, i) => (i + 1) * 1000);
    const options: FigureOptions = { ...DEFAULT_FIGURE, valueLabels: 'below100' };
    const small = placeFigure(modelOf(many), options);
    expect(small.footnote.join(' ')).toMatch(
      /Values in cells are not printed: cells of \d+ × \d+ px are too small/,
    );
    const roomy = placeFigure(modelOf(EIGHT), options);
    expect(roomy.footnote.join(' ')).not.toMatch(/not printed/);
    const off = placeFigure(modelOf(many), DEFAULT_FIGURE);
    expect(off.footnote.join(' ')).not.toMatch(/not printed/);
  });

  it('keep a fixed size with the note, the footnote inside the figure under the panel', () => {
    const many = Array.from({ length: 60 }, (_, i) => (i + 1) * 1000);
    const placed = placeFigure(modelOf(many), {
      ...DEFAULT_FIGURE,
      aspect: '16:9',
      valueLabels: 'all',
      widthPx: 900,
    });
    expect(placed.footnote.join(' ')).toMatch(/not printed/);
    expect(placed.width / placed.height).toBeCloseTo(16 / 9, 2);
    const panel = placed.placed[0];
    const panelBottom = (panel?.y ?? 0) + (panel?.layout.height ?? 0);
    expect(placed.footnoteTop - 11).toBeGreaterThanOrEqual(panelBottom);
    const lastLine = placed.footnoteTop + (placed.footnote.length - 1) * 15;
    expect(lastLine).toBeLessThanOrEqual(placed.height - 8);
  });

  it('leave room above the plot for the trained-length label', () => {
    const plain = placeFigure(modelOf(EIGHT), DEFAULT_FIGURE).placed[0]?.layout;
    const marked = placeFigure(modelOf(EIGHT), { ...DEFAULT_FIGURE, trainedLength: 64000 })
      .placed[0]?.layout;
    expect((marked?.plot.y ?? 0) - (plain?.plot.y ?? 0)).toBeGreaterThanOrEqual(14);
  });

  it('label every length and depth when they fit flat', () => {
    const layout = placeFigure(modelOf(EIGHT), { ...DEFAULT_FIGURE, aspect: '16:9' }).placed[0]
      ?.layout;
    expect(layout?.xTicks).toEqual(EIGHT);
    expect(layout?.rotateX).toBe(false);
    expect(layout?.yTicks).toHaveLength(11);
  });
});
