import { describe, expect, it } from 'vitest';
import { depthTick, isBinarySweep, lengthTickFormat, percent } from './format';

describe('lengthTickFormat', () => {
  const decimal = lengthTickFormat([1000, 10071, 128000]);
  const binary = lengthTickFormat([4096, 8192, 131072, 1048576]);
  it.each([
    [decimal, 100, '100'],
    [decimal, 1000, '1K'],
    [decimal, 1500, '1.5K'],
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
