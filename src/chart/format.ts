/** Number formats for axes, legends and tooltips. */
import { grouped } from '../core/numberText';

/**
 * Whether lengths come from a power-of-two sweep (4096, 131072 ...), where "K" means 1024.
 * A sweep counts as binary when every length of 1024 or more is a multiple of 1024.
 */
export function isBinarySweep(lengths: readonly number[]): boolean {
  const large = lengths.filter((l) => l >= 1024);
  return large.length > 0 && large.every((l) => l % 1024 === 0);
}

/** "K" or "M" with `digits` decimals, or the plain number below a thousand. */
function compact(value: number, unit: number, digits: number): string {
  if (value < 1000) return String(value);
  const [scale, suffix] = value < unit * unit * 0.9995 ? [unit, 'K'] : [unit * unit, 'M'];
  return `${(value / scale).toFixed(digits)}${suffix}`;
}

/**
 * A tick formatter for context lengths: 1000 -> "1K", 10071 -> "10K", 128000 -> "128K",
 * 1000000 -> "1M" for decimal sweeps; 4096 -> "4K", 131072 -> "128K", 1048576 -> "1M" for
 * power-of-two sweeps. Lengths below 1000 stay as they are. One precision for the whole axis:
 * the fewest decimals (up to two) that keep the sweep's labels apart, so a sweep of 1000, 1500
 * and 2000 reads "1.0K, 1.5K, 2.0K" and never "1K, 1.5K, 2K"; exact values are the tooltip's.
 */
export function lengthTickFormat(
  lengths: readonly number[],
  /** Names of bucket lengths (LongBench v2's "short"), shown instead of the number. */
  labels?: Readonly<Record<number, string>>,
): (lengthTokens: number) => string {
  const unit = isBinarySweep(lengths) ? 1024 : 1000;
  const distinct = new Set(lengths).size;
  let digits = 0;
  while (digits < 2 && new Set(lengths.map((l) => compact(l, unit, digits))).size < distinct) {
    digits += 1;
  }
  return (value) => labels?.[value] ?? compact(value, unit, digits);
}

/** Depth for a tick: whole percents as "50%", others with one decimal ("0.9%"). */
export function depthTick(depthPercent: number): string {
  const rounded = Math.round(depthPercent * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}%`;
}

/** Exact length for tooltips: "82,643 tokens". */
export function exactLength(lengthTokens: number): string {
  // Rounded half away from zero, as a number format with no fraction digits rounds.
  return `${grouped(Math.sign(lengthTokens) * Math.round(Math.abs(lengthTokens)))} tokens`;
}

/** Exact depth for tooltips: "0.896%". */
export function exactDepth(depthPercent: number): string {
  return `${depthPercent}%`;
}

/** A 0..1 value as a percentage with one decimal: 0.85 -> "85.0%". */
export function percent(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(digits)}%` : '–';
}
