export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface LinearFit {
  readonly slope: number;
  readonly intercept: number;
  /** Null below 3 points: two points fit any line exactly and leave no degree of freedom. */
  readonly residualStandardError: number | null;
  readonly n: number;
  readonly meanX: number;
  /** Sum of squared deviations of x from its mean. */
  readonly sxx: number;
}

// Aim-line values come out of float arithmetic (45 + 23 × 20/56 …). A tolerance far below the
// precision of any score lets a value a specialist reads as "on the line" count as on it.
const RELATIVE_TOLERANCE = 1e-9;

export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? null;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Null when no line is determined: fewer than 2 points, or every point at the same x. */
export function ordinaryLeastSquares(points: readonly Point[]): LinearFit | null {
  const first = points[0];
  if (points.length < 2 || first === undefined) return null;
  // Compared exactly: a mean of identical floats can differ from them in the last bit, which
  // would leave a tiny Sxx and an absurd slope instead of "no line".
  if (points.every((point) => point.x === first.x)) return null;

  const n = points.length;
  const meanX = sum(points.map((point) => point.x)) / n;
  const meanY = sum(points.map((point) => point.y)) / n;
  const sxx = sum(points.map((point) => (point.x - meanX) ** 2));
  const sxy = sum(points.map((point) => (point.x - meanX) * (point.y - meanY)));
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const squaredResiduals = sum(
    points.map((point) => (point.y - (intercept + slope * point.x)) ** 2),
  );
  const residualStandardError = n > 2 ? Math.sqrt(squaredResiduals / (n - 2)) : null;
  return { slope, intercept, residualStandardError, n, meanX, sxx };
}

/**
 * Standard error of a single new observation at x (not of the line's mean there): a student's
 * actual score on the end date scatters around the line like the past scores did, so that
 * scatter belongs in the uncertainty of whether the score will reach the goal.
 */
export function predictionStandardError(fit: LinearFit, x: number): number | null {
  if (fit.residualStandardError === null) return null;
  return fit.residualStandardError * Math.sqrt(1 + 1 / fit.n + (x - fit.meanX) ** 2 / fit.sxx);
}

const LOG_SQRT_TWO_PI = 0.9189385332046728;
// Beyond ±8.5 standard deviations Φ differs from 0 or 1 by less than 1e-17.
const NORMAL_CDF_SATURATION = 8.5;

/**
 * Standard normal cumulative distribution Φ(x), by Marsaglia's series
 * Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …), summed until a term no longer changes the total.
 * Every term has the sign of x, so nothing cancels, and the absolute error stays near 1e-15
 * (the Abramowitz–Stegun 7.1.26 fit only reaches 1.5e-7).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= -NORMAL_CDF_SATURATION) return 0;
  if (x >= NORMAL_CDF_SATURATION) return 1;
  const xSquared = x * x;
  let term = x;
  let series = x;
  for (let denominator = 3; series + term !== series; denominator += 2) {
    term *= xSquared / denominator;
    series += term;
  }
  return 0.5 + series * Math.exp(-xSquared / 2 - LOG_SQRT_TWO_PI);
}
