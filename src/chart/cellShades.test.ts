import { describe, expect, it } from 'vitest';
import { shadeFill, shadeProperty, shadesOf, shadeStyle } from './cellShades';

describe('shadesOf', () => {
  it('gives each distinct value one shade, in ascending order, and none to empty cells', () => {
    const shades = shadesOf([0.5, null, 1, 0.5, 0]);
    expect(shades.values).toEqual([0, 0.5, 1]);
    expect([...shades.ofCell]).toEqual([1, -1, 2, 1, 0]);
  });

  it('keeps every cell on the same shade when a new metric gives the same values', () => {
    const mean = shadesOf([1, 0, 1, 1]);
    const passRate = shadesOf([0, 1, 1, 1]);
    expect(passRate.values).toEqual(mean.values);
    expect(passRate.ofCell[2]).toBe(mean.ofCell[2]);
  });
});

describe('shadeStyle', () => {
  it('sets each shade to its value in the palette', () => {
    const shades = shadesOf([0.25, 1]);
    expect(shadeStyle(shades, (v) => `c${v}`)).toEqual({
      [shadeProperty(0)]: 'c0.25',
      [shadeProperty(1)]: 'c1',
    });
    expect(shadeProperty(3)).toBe('--shade-3');
  });

  it("fills a rect from its shade's property, with one style object per shade", () => {
    expect(shadeFill(2)).toEqual({ fill: 'var(--shade-2)' });
    expect(shadeFill(2)).toBe(shadeFill(2));
  });
});
