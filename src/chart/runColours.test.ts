import { describe, expect, it } from 'vitest';
import { DARK_THEME, LIGHT_THEME } from './theme';
import { markerPath, MARKERS, RUN_PALETTE, runColours, runStyles } from './runColours';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `run-${i + 1}`);

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('runColours', () => {
  it('gives runs the Okabe–Ito colours in load order', () => {
    const colours = runColours(['a', 'b', 'c']);
    expect([...colours.entries()]).toEqual([
      ['a', '#0072B2'],
      ['b', '#D55E00'],
      ['c', '#009E73'],
    ]);
  });

  it('reads on the light page and the dark one: at least 3:1 against both, no yellow on white', () => {
    // The page's backgrounds and panels (styles/base.css, scheme.css) and the figure themes.
    const backgrounds = [
      '#ffffff',
      '#0f1216',
      '#171b21',
      LIGHT_THEME.background,
      DARK_THEME.background,
    ];
    for (const colour of RUN_PALETTE) {
      for (const background of backgrounds) {
        expect(contrast(colour, background), `${colour} on ${background}`).toBeGreaterThanOrEqual(
          3,
        );
      }
    }
  });

  it('keeps a run’s colour when another is hidden: colours follow all loaded runs', () => {
    const all = ids(5);
    const before = runColours(all);
    const shown = all.filter((id) => id !== 'run-2');
    for (const id of shown) expect(runColours(all).get(id)).toBe(before.get(id));
  });

  it('gives seven runs seven different colours', () => {
    expect(new Set(runColours(ids(7)).values()).size).toBe(7);
  });

  it('tells runs apart by colour, dash and marker: 20 runs, 20 looks; neighbours differ in all three', () => {
    const styles = [...runStyles(ids(20)).values()];
    expect(styles[0]?.dash).toBeUndefined();
    const looks = new Set(styles.map((s) => `${s.colour}|${s.dash ?? ''}|${s.marker}`));
    expect(looks.size).toBe(20);
    styles.slice(1).forEach((style, i) => {
      const previous = styles[i];
      expect(style.colour).not.toBe(previous?.colour);
      expect(style.dash).not.toBe(previous?.dash);
      expect(style.marker).not.toBe(previous?.marker);
    });
  });

  it('gives nothing for no runs', () => {
    expect(runColours([]).size).toBe(0);
  });
});

describe('markerPath', () => {
  it('draws every shape as one closed path around the point', () => {
    for (const shape of MARKERS) {
      const path = markerPath(shape, 4);
      expect(path).toMatch(/^M.*Z$/);
      const numbers = (path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      expect(Math.max(...numbers.map(Math.abs))).toBeLessThanOrEqual(6);
    }
  });
});
