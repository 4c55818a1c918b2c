import { describe, expect, it } from 'vitest';
import {
  labelColour,
  luminance,
  trainedEdgeX,
  trainedLabelAnchor,
  valueLabelFit,
  widestValue,
} from './figureMarks';
import { heatmapLayout } from './layout';

const LENGTHS = [1000, 2000, 4000, 8000];

function layoutOf(width: number, rows: number[] = [0, 50, 100], height?: number) {
  return heatmapLayout({
    width,
    lengths: LENGTHS,
    rows,
    rowKind: 'depth',
    lengthLabel: (l) => `${l / 1000}K`,
    rowLabel: (r) => `${r}%`,
    ...(height === undefined ? {} : { height }),
  });
}

describe('the trained-length marker', () => {
  const layout = layoutOf(600);
  const left = (length: number) => layout.x(length) ?? Number.NaN;
  const band = layout.x.bandwidth();

  it('sits on the edge between the last column within the trained length and the next', () => {
    expect(trainedEdgeX(layout, 2000)).toBeCloseTo(left(4000));
    expect(trainedEdgeX(layout, 3000)).toBeCloseTo(left(4000));
    // Never through the middle of a column.
    expect(trainedEdgeX(layout, 2000)).not.toBeCloseTo(left(2000) + band / 2);
  });

  it('sits on the right edge when the sweep ends at the trained length, the left when all is beyond', () => {
    expect(trainedEdgeX(layout, 8000)).toBeCloseTo(layout.plot.x + layout.plot.width);
    expect(trainedEdgeX(layout, 500)).toBeCloseTo(layout.plot.x);
  });

  it('is not drawn for a trained length beyond the sweep', () => {
    expect(trainedEdgeX(layout, 9000)).toBeNull();
  });

  it('has its label over the plot, running inward from either end', () => {
    expect(trainedLabelAnchor(layout, layout.plot.x + layout.plot.width)).toBe('end');
    expect(trainedLabelAnchor(layout, layout.plot.x)).toBe('start');
    expect(trainedLabelAnchor(layout, layout.plot.x + layout.plot.width / 2)).toBe('middle');
  });

  it('gets room above the plot for its label', () => {
    const marked = heatmapLayout({ ...inputs(), markerLabel: true });
    const plain = heatmapLayout(inputs());
    expect(marked.plot.y - plain.plot.y).toBeGreaterThanOrEqual(14);
  });
});

function inputs() {
  return {
    width: 600,
    lengths: LENGTHS,
    rows: [0, 50, 100],
    rowKind: 'depth' as const,
    lengthLabel: (l: number) => `${l}`,
    rowLabel: (r: number | string) => `${r}`,
  };
}

describe('values in cells', () => {
  it('take dark text on light cells and light text on dark ones, whichever contrasts more', () => {
    expect(labelColour('#ffffff')).toBe('#111111');
    expect(labelColour('#f5e663')).toBe('#111111'); // a light yellow
    expect(labelColour('#2ecc71')).toBe('#111111'); // a mid green: dark text contrasts more
    expect(labelColour('#1b1f24')).toBe('#ffffff');
    expect(labelColour('#b2182b')).toBe('#ffffff'); // a dark red
    expect(labelColour('#2166ac')).toBe('#ffffff'); // a dark blue
  });

  it('choose the text colour of the higher WCAG contrast ratio', () => {
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [luminance(a) ?? 0, luminance(b) ?? 0].sort((x, y) => y - x);
      return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    };
    for (const fill of ['#777777', '#808080', '#999999', '#e34a33', '#3182bd', '#31a354']) {
      const chosen = labelColour(fill);
      const other = chosen === '#111111' ? '#ffffff' : '#111111';
      expect(ratio(fill, chosen)).toBeGreaterThanOrEqual(ratio(fill, other));
    }
  });

  it('fit "100%" in wide cells and say they do not fit in narrow ones', () => {
    const wide = valueLabelFit(layoutOf(600), '100%');
    expect(wide.fits).toBe(true);
    expect(wide.fontPx).toBeGreaterThanOrEqual(7);
    expect(wide.fontPx).toBeLessThanOrEqual(13);
    const many = heatmapLayout({
      ...inputs(),
      lengths: Array.from({ length: 60 }, (_, i) => (i + 1) * 1000),
    });
    expect(valueLabelFit(many, '100%')).toMatchObject({ fits: false });
  });

  it('size to the widest label', () => {
    expect(
      widestValue([{ valueText: '5%' }, {}, { valueText: '100%' }, { valueText: '50%' }]),
    ).toBe('100%');
  });
});

describe('rows that fill a height', () => {
  it('stretch to the panel height an aspect asks for', () => {
    const tall = layoutOf(600, [0, 25, 50, 75, 100], 500);
    expect(tall.height).toBeCloseTo(500, 0);
    expect(tall.y.bandwidth()).toBeGreaterThan(layoutOf(600, [0, 25, 50, 75, 100]).y.bandwidth());
  });
});
