import { describe, expect, it } from 'vitest';
import { readFraction } from './readFraction';

describe('readFraction', () => {
  it.each([
    ['0.7', 0.7, null],
    ['1', 1, null],
    ['7', 0.7, '7 on a 1..10 scale, read as 0.7'],
    ['10', 1, '10 on a 1..10 scale, read as 1'],
    ['70', 0.7, '70 on a 0..100 scale, read as 0.7'],
    ['85.5', 0.855, '85.5 on a 0..100 scale, read as 0.855'],
  ])('reads %s as %d', (text, value, note) => {
    expect(readFraction(text)).toEqual({ ok: true, value, note });
  });

  it.each(['', 'abc', '-1', '101'])('refuses %j and says what it takes', (text) => {
    const reading = readFraction(text);
    expect(reading.ok).toBe(false);
    expect(reading.note).toMatch(/0\.\.1/);
  });
});
