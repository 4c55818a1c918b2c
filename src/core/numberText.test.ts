import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grouped } from './numberText';

describe('grouped', () => {
  it('writes a number as en-US does', () => {
    for (const n of [0, -0, 1, 12, 123, 1234, -1234, 12345, 123456, 1234567, 1.5, 1e21, NaN]) {
      expect(grouped(n), String(n)).toBe(n.toLocaleString('en-US'));
    }
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer(), fc.double()), (n) => {
        expect(grouped(n)).toBe(n.toLocaleString('en-US'));
      }),
      { numRuns: 2000 },
    );
  });
});
