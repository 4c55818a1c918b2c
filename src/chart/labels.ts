/** How cells, rows and differences read in ticks, tooltips and screen-reader labels. */
import { depthTick, exactDepth, exactLength } from './format';

const MAX_ROW_LABEL = 28;

/** A row's tick label: a depth as a percentage, a task name cut to fit. */
export function rowLabel(row: number | string): string {
  if (typeof row === 'number') return depthTick(row);
  return row.length > MAX_ROW_LABEL ? `${row.slice(0, MAX_ROW_LABEL - 1)}…` : row;
}

/** Where a cell sits, in words: "82,643 tokens · depth 43%" or "4,096 tokens · niah_single_1". */
export function cellPlace(lengthTokens: number, row: number | string): string {
  return `${exactLength(lengthTokens)} · ${typeof row === 'number' ? `depth ${exactDepth(row)}` : row}`;
}

/** A signed difference in points: +12.5 pts, −3.0 pts. */
export function points(value: number): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${Math.abs(value * 100).toFixed(1)} pts`;
}
