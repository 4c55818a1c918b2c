/**
 * What a run's length axis counts, for the words around a chart: "Context length (tokens)" or
 * "Number of frames", "32K tokens" or "3K frames". Runs of different units are never compared.
 */
import type { LengthUnit, Run } from './types';
import { grouped } from './numberText';

/** The unit a run's lengths are in: tokens unless the run says otherwise. */
export function lengthUnitOf(run: Pick<Run, 'lengthUnit'>): LengthUnit {
  return run.lengthUnit ?? 'tokens';
}

/** Words for each unit: the axis title, and the plural noun after a number. */
export const LENGTH_UNITS: Record<LengthUnit, { axisTitle: string; noun: string }> = {
  tokens: { axisTitle: 'Context length (tokens)', noun: 'tokens' },
  frames: { axisTitle: 'Number of frames', noun: 'frames' },
};

/** The length axis title for a run. */
export function lengthAxisTitle(run: Pick<Run, 'lengthUnit'>): string {
  return LENGTH_UNITS[lengthUnitOf(run)].axisTitle;
}

/** A length with its unit, for tooltips and summaries: "32,000 tokens", "1 frame". */
export function lengthWithUnit(length: number, unit: LengthUnit = 'tokens'): string {
  const noun = LENGTH_UNITS[unit].noun;
  return `${grouped(length)} ${length === 1 ? noun.replace(/s$/, '') : noun}`;
}

/** The one unit all the runs share, or null when they mix units (or there are none). */
export function sharedLengthUnit(runs: readonly Pick<Run, 'lengthUnit'>[]): LengthUnit | null {
  const units = new Set(runs.map(lengthUnitOf));
  const [only] = units;
  return units.size === 1 && only ? only : null;
}
