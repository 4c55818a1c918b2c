import { describe, expect, it } from 'vitest';
import { OKABE_ITO, runColours, runStyles } from './runColours';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `run-${i + 1}`);

describe('runColours', () => {
  it('gives runs the Okabe–Ito colours in load order', () => {
    const colours = runColours(['a', 'b', 'c']);
    expect([...colours.entries()]).toEqual([
      ['a', '#0072B2'],
      ['b', '#E69F00'],
      ['c', '#009E73'],
    ]);
  });

  it('keeps a run’s colour when another is hidden: colours follow all loaded runs', () => {
    const all = ids(5);
    const before = runColours(all);
    const shown = all.filter((id) => id !== 'run-2');
    for (const id of shown) expect(runColours(all).get(id)).toBe(before.get(id));
  });

  it('gives eight runs eight different colours', () => {
    expect(new Set(runColours(ids(8)).values()).size).toBe(8);
  });

  it('cycles the colours past eight runs, telling the repeats apart by a dash', () => {
    const styles = runStyles(ids(20));
    expect(styles.get('run-9')?.colour).toBe(OKABE_ITO[0]);
    expect(styles.get('run-1')?.dash).toBeUndefined();
    expect(styles.get('run-9')?.dash).toBeDefined();
    const looks = new Set([...styles.values()].map((s) => `${s.colour}|${s.dash ?? ''}`));
    expect(looks.size).toBe(20);
  });

  it('gives nothing for no runs', () => {
    expect(runColours([]).size).toBe(0);
  });
});
