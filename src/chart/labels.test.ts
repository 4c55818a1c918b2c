import { describe, expect, it } from 'vitest';
import { cellPlace, lengthInWords } from './labels';

describe('lengths in words', () => {
  it('says tokens for text runs and frames for video runs', () => {
    expect(lengthInWords(82643)).toBe('82,643 tokens');
    expect(lengthInWords(3000, 'frames')).toBe('3,000 frames');
    expect(cellPlace(300, 50, 'frames')).toBe('300 frames · depth 50%');
    expect(cellPlace(4096, 'niah_single_1')).toBe('4,096 tokens · niah_single_1');
  });
});
