import { describe, expect, it } from 'vitest';
import { coordinateProblem, inferScale, roundDepth, toFiniteNumber } from './normalize';

describe('inferScale', () => {
  it.each([
    [0, 1, '0..1'],
    [0, 0.5, '0..1'],
    [1, 10, '1..10'],
    [0, 7.5, '1..10'],
    [0, 100, '0..100'],
    [20, 55, '0..100'],
  ])('scores %d..%d read as %s', (min, max, label) => {
    expect(inferScale(min, max)?.label).toBe(label);
  });

  it.each([
    [-1, 1],
    [0, 101],
  ])('scores %d..%d fit no scale', (min, max) => {
    expect(inferScale(min, max)).toBeNull();
  });
});

describe('roundDepth', () => {
  it.each([
    [0.8959999, 0.896],
    [1.1994, 1.199],
    [99.104, 99.104],
    [50, 50],
  ])('%d -> %d', (input, expected) => {
    expect(roundDepth(input)).toBe(expected);
  });
});

describe('toFiniteNumber', () => {
  it.each([
    [7, 7],
    ['7', 7],
    [' 0.5 ', 0.5],
    ['', null],
    ['abc', null],
    ['NaN', null],
    [Number.NaN, null],
    [Infinity, null],
    [true, null],
    [null, null],
    [undefined, null],
  ])('%j -> %j', (input, expected) => {
    expect(toFiniteNumber(input)).toBe(expected);
  });
});

describe('coordinateProblem', () => {
  it.each([
    [1000, 0, null],
    [1000, 100, null],
    [0, 50, 'length-range'],
    [-5, 50, 'length-range'],
    [1000.5, 50, 'length-fraction'],
    [1000, -1, 'depth-range'],
    [1000, 100.5, 'depth-range'],
  ])('length %d depth %d -> %s', (length, depth, kind) => {
    expect(coordinateProblem(length, depth)?.kind ?? null).toBe(kind);
  });

  it.each([
    [0, null, null],
    [0, 50, null],
    [-1, null, 'length-range'],
    [0.5, null, 'length-fraction'],
  ])('with zero lengths allowed, length %d depth %s -> %s', (length, depth, kind) => {
    expect(coordinateProblem(length, depth, { zeroLength: true })?.kind ?? null).toBe(kind);
  });
});
