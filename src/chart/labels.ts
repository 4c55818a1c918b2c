/** How cells, rows and differences read in ticks, tooltips and screen-reader labels. */
import type { LengthUnit } from '../core/types';
import { lengthWithUnit } from '../core/units';
import { depthTick, exactDepth, exactLength } from './format';

const MAX_ROW_LABEL = 28;

/** A row's tick label: a depth as a percentage, a task name cut to fit. */
export function rowLabel(row: number | string): string {
  if (typeof row === 'number') return depthTick(row);
  return row.length > MAX_ROW_LABEL ? `${row.slice(0, MAX_ROW_LABEL - 1)}…` : row;
}

/** A length in words with its unit: "82,643 tokens", "300 frames". */
export function lengthInWords(length: number, unit: LengthUnit = 'tokens'): string {
  return unit === 'tokens' ? exactLength(length) : lengthWithUnit(length, unit);
}

/**
 * Where a cell sits, in words: "82,643 tokens · depth 43%", "4,096 tokens · niah_single_1", or
 * for a video run "300 frames · depth 50%".
 */
export function cellPlace(
  lengthTokens: number,
  row: number | string,
  unit: LengthUnit = 'tokens',
): string {
  return `${lengthInWords(lengthTokens, unit)} · ${typeof row === 'number' ? `depth ${exactDepth(row)}` : row}`;
}

/** A signed difference in points: +12.5 pts, −3.0 pts. */
export function points(value: number): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${Math.abs(value * 100).toFixed(1)} pts`;
}
