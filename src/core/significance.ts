/**
 * Which cells of two runs differ beyond chance, tested only where it can be known: both cells
 * hold trials known one by one (a whole pass count) and at least two of them. Per-cell tests
 * (Fisher's exact, or the z-test for large counts) are corrected for testing a whole grid with
 * the Benjamini-Hochberg false-discovery rate.
 */
import { cellPasses } from './metrics';
import { differsBeyondChance } from './stats';
import type { Cell } from './types';

/** The false-discovery rate the grid is tested at, unless told otherwise. */
export const DEFAULT_FDR = 0.05;

/** Fewest trials a cell needs on each side to be tested. */
export const MIN_TESTABLE_TRIALS = 2;

/** Why a pair of cells was not tested. */
export type UntestableReason = 'pre-averaged' | 'too-few-trials';

/** The verdict on one pair of cells, both present and scored. */
export type CellTest =
  | {
      testable: true;
      /** Two-sided p-value of the single test. */
      pValue: number;
      /** Benjamini-Hochberg adjusted p-value (q-value) across the grid's testable cells. */
      adjustedP: number;
      /** Whether the adjusted p-value is at most the FDR. */
      significant: boolean;
    }
  | { testable: false; reason: UntestableReason };

/** The verdicts on a grid of pairs. */
export interface GridSignificance {
  /** Per pair in the order given; null where a side is missing or has no scored trial. */
  tests: (CellTest | null)[];
  /** Pairs tested. */
  testable: number;
  /** Of them, pairs that differ at the FDR. */
  significant: number;
  /** Pairs with both sides scored but not testable, by reason. */
  untestable: Record<UntestableReason, number>;
  fdr: number;
  /** What the counts mean, in a sentence, for beside the grid. */
  note: string;
}

/** A pair of cells to test; either may be missing. */
export interface CellPair {
  a: Cell | null;
  b: Cell | null;
}

/**
 * Benjamini-Hochberg adjusted p-values, in the order given: for the i-th smallest of m,
 * min over j >= i of p_(j) * m / j, at most 1. A p-value is a discovery at FDR q when its
 * adjusted value is at most q.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0]);
  const adjusted = new Array<number>(m).fill(1);
  let running = 1;
  for (let rank = m; rank >= 1; rank -= 1) {
    const [p, index] = order[rank - 1] ?? [1, 0];
    running = Math.min(running, (p * m) / rank);
    adjusted[index] = Math.min(1, running);
  }
  return adjusted;
}

/** Why a scored pair cannot be tested, or null when it can. */
export function untestableReason(a: Cell, b: Cell): UntestableReason | null {
  if (a.summaryN > 0 || b.summaryN > 0) return 'pre-averaged';
  if (a.n < MIN_TESTABLE_TRIALS || b.n < MIN_TESTABLE_TRIALS) return 'too-few-trials';
  return null;
}

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(2))} %`;
}

/** The note for beside the grid: "k of m testable cells differ at FDR 5 % (Benjamini-Hochberg); ...". */
export function significanceNote(
  result: Pick<GridSignificance, 'testable' | 'significant' | 'untestable' | 'fdr'>,
  unit = 'cells',
): string {
  const { testable, significant, untestable, fdr } = result;
  const head =
    testable === 0
      ? `No ${unit} could be tested for a difference beyond chance`
      : `${significant} of ${testable} testable ${unit} differ at FDR ${percent(fdr)} (Benjamini-Hochberg)`;
  const reasons = [
    untestable['pre-averaged'] > 0 ? `${untestable['pre-averaged']} pre-averaged` : '',
    untestable['too-few-trials'] > 0
      ? `${untestable['too-few-trials']} with fewer than ${MIN_TESTABLE_TRIALS} trials`
      : '',
  ].filter((r) => r !== '');
  const total = untestable['pre-averaged'] + untestable['too-few-trials'];
  return reasons.length === 0
    ? `${head}.`
    : `${head}; ${total} ${total === 1 ? unit.replace(/s$/, '') : unit} could not be tested: ${reasons.join(', ')}.`;
}

/**
 * Tests each pair where both cells have scored trials: pass counts at `threshold`, a single
 * two-sided test per pair (see {@link differsBeyondChance}), then the Benjamini-Hochberg
 * correction across every tested pair. Pre-averaged cells and cells of fewer than two trials
 * are counted as untestable, never as "no difference".
 */
export function testGrid(
  pairs: readonly CellPair[],
  threshold: number,
  fdr = DEFAULT_FDR,
  unit = 'cells',
): GridSignificance {
  const untestable: Record<UntestableReason, number> = { 'pre-averaged': 0, 'too-few-trials': 0 };
  const raw: ({ pValue: number } | { reason: UntestableReason } | null)[] = pairs.map(
    ({ a, b }) => {
      if (!a || !b || a.n === 0 || b.n === 0) return null;
      const reason = untestableReason(a, b);
      const verdict = reason
        ? null
        : differsBeyondChance(cellPasses(a, threshold), a.n, cellPasses(b, threshold), b.n);
      if (!verdict) {
        const why = reason ?? 'pre-averaged';
        untestable[why] += 1;
        return { reason: why };
      }
      return { pValue: verdict.pValue };
    },
  );
  const pValues = raw.flatMap((r) => (r && 'pValue' in r ? [r.pValue] : []));
  const adjusted = benjaminiHochberg(pValues);
  let next = 0;
  const tests = raw.map((r): CellTest | null => {
    if (!r) return null;
    if ('reason' in r) return { testable: false, reason: r.reason };
    const adjustedP = adjusted[next] ?? 1;
    next += 1;
    return { testable: true, pValue: r.pValue, adjustedP, significant: adjustedP <= fdr };
  });
  const significant = tests.filter((t) => t?.testable === true && t.significant).length;
  const counts = { testable: pValues.length, significant, untestable, fdr };
  return { tests, ...counts, note: significanceNote(counts, unit) };
}
