import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depthTick, exactLength, isBinarySweep, lengthTickFormat, percent } from './format';

describe('lengthTickFormat', () => {
  const decimal = lengthTickFormat([1000, 10071, 128000]);
  const binary = lengthTickFormat([4096, 8192, 131072, 1048576]);
  it.each([
    [decimal, 100, '100'],
    [decimal, 1000, '1K'],
    [decimal, 1500, '2K'],
    [decimal, 10071, '10K'],
    [decimal, 82643, '83K'],
    [decimal, 128000, '128K'],
    [decimal, 608100, '608K'],
    [decimal, 1000000, '1M'],
    [binary, 4096, '4K'],
    [binary, 131072, '128K'],
    [binary, 1048576, '1M'],
    [binary, 65536, '64K'],
  ])('%#: %d -> %s', (format, value, label) => {
    expect(format(value)).toBe(label);
  });

  it('keeps one precision for the whole axis, the fewest decimals that keep labels apart', () => {
    const claude = lengthTickFormat([1000, 6853, 12706, 200000]);
    expect([1000, 6853, 12706, 200000].map(claude)).toEqual(['1K', '7K', '13K', '200K']);
    const close = lengthTickFormat([1000, 1500, 2000]);
    expect([1000, 1500, 2000].map(close)).toEqual(['1.0K', '1.5K', '2.0K']);
    const small = lengthTickFormat([100, 500, 2000]);
    expect([100, 500, 2000].map(small)).toEqual(['100', '500', '2K']);
  });

  it.each([
    [[4096, 8192], true],
    [[1000, 2000], false],
    [[100, 2048], true],
    [[100, 500], false],
  ])('%j binary: %s', (lengths, binary) => {
    expect(isBinarySweep(lengths)).toBe(binary);
  });
});

describe('depthTick', () => {
  it.each([
    [0, '0%'],
    [50, '50%'],
    [0.896, '0.9%'],
    [99.104, '99.1%'],
    [7.1428, '7.1%'],
  ])('%d -> %s', (depth, label) => {
    expect(depthTick(depth)).toBe(label);
  });
});

describe('percent', () => {
  it('formats 0..1 as a percentage and NaN as a dash', () => {
    expect(percent(0.85)).toBe('85.0%');
    expect(percent(Number.NaN)).toBe('–');
  });
});

describe('exactLength', () => {
  it('writes a length as a number format with no fraction digits does', () => {
    const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    for (const n of [0, 1, 999, 1000, 82643, 1048576, 2.5, 3.49, 1e9, 1e22]) {
      expect(exactLength(n), String(n)).toBe(`${format.format(n)} tokens`);
    }
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e12, noNaN: true })), (n) => {
        expect(exactLength(n)).toBe(`${format.format(n)} tokens`);
      }),
      { numRuns: 2000 },
    );
  });
});
