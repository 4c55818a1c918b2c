/**
 * Confidence intervals for the figures a chart draws: Wilson's score interval for a pass rate
 * (a share of trials), Student's t-interval for a mean score. Both are 95 % by default.
 */

/** A two-sided confidence interval. */
export interface Interval {
  lower: number;
  upper: number;
}

/** The standard normal quantile of 0.975, for 95 % intervals. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson's score interval for `passes` out of `n` trials (Wilson 1927; Newcombe 1998 method 3):
 * unlike the normal approximation it stays inside 0..1 and is not zero-wide at 0 or n passes.
 * Null without trials.
 */
export function wilsonInterval(passes: number, n: number, z = Z_95): Interval | null {
  if (!(n > 0) || passes < 0 || passes > n) return null;
  const p = passes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; about 15 digits). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let series = c[0] ?? 1;
  for (let i = 1; i < c.length; i += 1) series += (c[i] ?? 0) / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(series);
}

/** The continued fraction of the regularised incomplete beta (Numerical Recipes §6.4, betacf). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m += 1) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 / (Math.abs(1 + even * d) < tiny ? tiny : 1 + even * d);
    c = Math.abs(1 + even / c) < tiny ? tiny : 1 + even / c;
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 / (Math.abs(1 + odd * d) < tiny ? tiny : 1 + odd * d);
    c = Math.abs(1 + odd / c) < tiny ? tiny : 1 + odd / c;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
function incompleteBeta(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  );
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T <= t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t));
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The quantile of Student's t with `df` degrees of freedom at probability `p` (0 < p < 1), by
 * bisection on the CDF: 60 halvings of a bracket that holds every quantile used here.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return Number.NaN;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 80; i += 1) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The t-interval of a mean from `n` observations with sample standard deviation `sd` (the
 * n − 1 kind): mean ± t(0.975, n − 1) · sd / √n. Null for fewer than two observations, where
 * no spread is known. Not clipped: a reader sees where it would leave 0..1.
 */
export function tInterval(mean: number, sd: number, n: number, level = 0.95): Interval | null {
  if (!(n >= 2) || !Number.isFinite(sd) || sd < 0) return null;
  const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { lower: mean - half, upper: mean + half };
}
