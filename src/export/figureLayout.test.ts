import { describe, expect, it } from 'vitest';
import { wrapText } from './figureLayout';

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
