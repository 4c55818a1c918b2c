/**
 * Tests of whether two pass rates differ beyond chance, for comparing a cell of one run with
 * the same cell of another: Fisher's exact test while the counts are small enough to sum the
 * whole hypergeometric distribution cheaply, the pooled two-proportion z-test beyond.
 */

/** Which test {@link differsBeyondChance} ran. */
export type ProportionTest = 'fisher' | 'z';

/** The outcome of {@link differsBeyondChance}. */
export interface ChanceVerdict {
  /** Two-sided p-value, 0..1. */
  pValue: number;
  /** Whether the p-value is below alpha. */
  significant: boolean;
  test: ProportionTest;
}

/** Up to this many trials in both cells together, Fisher's exact test; above, the z-test. */
export const FISHER_MAX_TRIALS = 2000;

/**
 * Tables whose probability is within this relative slack of the observed one count as "as
 * likely": mirror tables are equally likely in exact arithmetic but not after rounding. R's
 * fisher.test uses the same 1e-7.
 */
const RELATIVE_TOLERANCE = 1e-7;

/** Lanczos coefficients for g = 7, n = 9: about 15 significant digits for x >= 0.5. */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln(k!) through the Lanczos approximation of ln Γ(k + 1). Its absolute error stays near 1e-10
 * even at k in the tens of thousands, far inside the tolerance the test compares with, and it
 * costs the same at any k (a table of summed logs would grow with n).
 */
function logFactorial(k: number): number {
  let series = LANCZOS[0] ?? 1;
  for (let i = 1; i < LANCZOS.length; i += 1) series += (LANCZOS[i] ?? 0) / (k + i);
  const t = k + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (k + 0.5) * Math.log(t) - t + Math.log(series);
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

function checkCounts(passA: number, nA: number, passB: number, nB: number, integers: boolean) {
  const valid = (pass: number, n: number) =>
    integers
      ? isCount(pass) && isCount(n) && pass <= n
      : Number.isFinite(pass) && Number.isFinite(n) && pass >= 0 && pass <= n;
  if (!valid(passA, nA) || !valid(passB, nB)) {
    throw new RangeError(`Not pass counts out of trial counts: ${passA}/${nA}, ${passB}/${nB}`);
  }
}

/**
 * Two-sided p-value of Fisher's exact test on the 2x2 table of passes and fails of A and B:
 * the probability, with the margins fixed, of every table as likely as the observed one or
 * less (within a relative 1e-7, as R's `fisher.test`). Exact enough for tens of thousands of
 * trials. Throws a RangeError unless the counts are integers with 0 <= pass <= n.
 */
export function fisherExactTwoSided(passA: number, nA: number, passB: number, nB: number): number {
  checkCounts(passA, nA, passB, nB, true);
  const passes = passA + passB;
  const lowest = Math.max(0, passes - nB);
  const highest = Math.min(nA, passes);
  // ln of C(nA, x)·C(nB, passes − x), the weight of the table with x passes in A; the
  // constant ln C(nA + nB, passes) is left out because the weights are normalised below.
  const logWeights: number[] = [];
  // Weights are scaled by the largest so that none that matters underflows.
  let largest = -Infinity;
  for (let x = lowest; x <= highest; x += 1) {
    const logWeight =
      -(logFactorial(x) + logFactorial(nA - x) + logFactorial(passes - x)) -
      logFactorial(nB - passes + x);
    logWeights.push(logWeight);
    largest = Math.max(largest, logWeight);
  }
  const observed = Math.exp((logWeights[passA - lowest] ?? largest) - largest);
  let total = 0;
  let asLikely = 0;
  for (const logWeight of logWeights) {
    const weight = Math.exp(logWeight - largest);
    total += weight;
    if (weight <= observed * (1 + RELATIVE_TOLERANCE)) asLikely += weight;
  }
  return Math.min(1, asLikely / total);
}

/** Coefficients of the erfc fit below, constant term first. */
const ERFC_FIT = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
  -0.82215223, 0.17087277,
];

/**
 * erfc(x) for x >= 0 by the Chebyshev fit of Numerical Recipes (2nd ed., §6.2): relative error
 * below 1.2e-7 everywhere, so tiny p-values keep their digits too.
 */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  let poly = 0;
  for (let i = ERFC_FIT.length - 1; i >= 0; i -= 1) poly = poly * t + (ERFC_FIT[i] ?? 0);
  return t * Math.exp(-x * x + poly);
}

/**
 * Two-sided p-value of the pooled two-proportion z-test (the same as R's
 * `prop.test(correct = FALSE)`), for counts large enough that the normal approximation holds.
 * Equal proportions at 0 or 1 give 1. Throws a RangeError unless 0 <= pass <= n and n > 0.
 */
export function twoProportionZ(passA: number, nA: number, passB: number, nB: number): number {
  checkCounts(passA, nA, passB, nB, false);
  if (nA === 0 || nB === 0) throw new RangeError('The z-test needs trials on both sides');
  const pooled = (passA + passB) / (nA + nB);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  // Both sides all passes or all fails: the proportions are equal and there is no spread.
  if (standardError === 0) return 1;
  const z = (passA / nA - passB / nB) / standardError;
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/**
 * Whether A's and B's pass rates differ beyond chance: Fisher's exact test up to
 * {@link FISHER_MAX_TRIALS} trials in all, the z-test above. Null where the counts cannot be
 * tested: pass counts that are not integers (cells known through pre-averaged summaries), or
 * a side without trials.
 */
export function differsBeyondChance(
  passA: number,
  nA: number,
  passB: number,
  nB: number,
  alpha = 0.05,
): ChanceVerdict | null {
  const testable = (pass: number, n: number) => isCount(pass) && isCount(n) && n > 0 && pass <= n;
  if (!testable(passA, nA) || !testable(passB, nB)) return null;
  const test: ProportionTest = nA + nB <= FISHER_MAX_TRIALS ? 'fisher' : 'z';
  const pValue =
    test === 'fisher'
      ? fisherExactTwoSided(passA, nA, passB, nB)
      : twoProportionZ(passA, nA, passB, nB);
  return { pValue, significant: pValue < alpha, test };
}
