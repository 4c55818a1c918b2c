import { describe, expect, it } from 'vitest';
import { chooseComparison, diffOnBins } from './binDiff';
import { sharedBinAxes } from './bins';
import { cellTrials, runOf } from './testing/runs';
import { lengthAxisTitle, lengthUnitOf, lengthWithUnit, sharedLengthUnit } from './units';

const tokens = runOf([...cellTrials(1000, 0, [1]), ...cellTrials(4000, 0, [1])], { name: 'text' });
const frames = {
  ...runOf([...cellTrials(1000, 0, [0]), ...cellTrials(4000, 0, [0])], { name: 'video' }),
  lengthUnit: 'frames' as const,
};

describe('length units', () => {
  it('reads a run without a unit as tokens', () => {
    expect(lengthUnitOf(tokens)).toBe('tokens');
    expect(lengthUnitOf(frames)).toBe('frames');
  });

  it('titles the axis and writes lengths in the run’s unit', () => {
    expect(lengthAxisTitle(tokens)).toBe('Context length (tokens)');
    expect(lengthAxisTitle(frames)).toBe('Number of frames');
    expect(lengthWithUnit(32000)).toBe('32,000 tokens');
    expect(lengthWithUnit(1, 'frames')).toBe('1 frame');
  });

  it('finds the unit runs share, or none when they mix', () => {
    expect(sharedLengthUnit([tokens, tokens])).toBe('tokens');
    expect(sharedLengthUnit([tokens, frames])).toBeNull();
    expect(sharedLengthUnit([])).toBeNull();
  });

  it('never bins or compares tokens with frames', () => {
    expect(sharedBinAxes([tokens, frames])).toBeNull();
    expect(diffOnBins(tokens, frames, 'mean', 0.7)).toBeNull();
    expect(chooseComparison(tokens, frames).reason).toBe(
      'text and video count length in different units (tokens and frames): they cannot be compared.',
    );
  });
});
