import { mean, sum } from "../progress/statistics";

/**
 * Hedges' g of the students' current scores against their pre scores (issue 12 item 4), with
 * its 95 % confidence interval. The pre and current scores are treated as two samples of n
 * each, pooled as in Borenstein et al., "Introduction to Meta-Analysis" (2009), ch. 4:
 *
 *   s_pooled = √(((n₁−1)s₁² + (n₂−1)s₂²) ÷ (n₁+n₂−2)),  d = (M_current − M_pre) ÷ s_pooled
 *   df = n₁+n₂−2,  J = 1 − 3 ÷ (4·df − 1),  g = J·d
 *   Var(d) = (n₁+n₂) ÷ (n₁n₂) + d² ÷ (2(n₁+n₂)),  SE(g) = J·√Var(d),  95 % CI = g ± 1.96·SE(g)
 *
 * The correlation between a student's two scores is left out: the two-sample interval is wider
 * than a paired one whenever the scores correlate above 0.5, as a child's repeated scores
 * usually do, so it errs on the cautious side.
 */

/** Fewer students than this and no effect size is given: the interval would span everything. */
export const MIN_STUDENTS_FOR_EFFECT_SIZE = 5;

/** The normal quantile of a two-sided 95 % interval, to the two decimals the literature uses. */
const Z_95 = 1.96;

export interface EffectSize {
  readonly g: number;
  readonly standardError: number;
  readonly low: number;
  readonly high: number;
  /** Students with both a pre and a current score. */
  readonly n: number;
  readonly df: number;
  /** The small-sample correction J. */
  readonly correction: number;
}

function sampleVariance(values: readonly number[]): number {
  const m = mean(values) ?? 0;
  return sum(values.map((v) => (v - m) ** 2)) / (values.length - 1);
}

/** The small-sample correction: J = 1 − 3 ÷ (4·df − 1). */
export function smallSampleCorrection(df: number): number {
  return 1 - 3 / (4 * df - 1);
}

/**
 * `pairs` are each student's pre and current score, already oriented so that a higher number
 * is better (a lower-is-better measure is negated by the caller). Null with fewer than
 * `minimum` pairs, or when every score is the same (no spread to standardise by).
 */
export function hedgesG(
  pairs: readonly { readonly pre: number; readonly current: number }[],
  minimum = MIN_STUDENTS_FOR_EFFECT_SIZE,
): EffectSize | null {
  const n = pairs.length;
  if (n < Math.max(2, minimum)) return null;
  const pre = pairs.map((p) => p.pre);
  const current = pairs.map((p) => p.current);
  const df = 2 * n - 2;
  const pooledSd = Math.sqrt(
    ((n - 1) * sampleVariance(pre) + (n - 1) * sampleVariance(current)) / df,
  );
  if (!(pooledSd > 0)) return null;
  const d = ((mean(current) ?? 0) - (mean(pre) ?? 0)) / pooledSd;
  const correction = smallSampleCorrection(df);
  const g = correction * d;
  const standardError = correction * Math.sqrt((n + n) / (n * n) + (d * d) / (2 * (n + n)));
  return {
    g,
    standardError,
    low: g - Z_95 * standardError,
    high: g + Z_95 * standardError,
    n,
    df,
    correction,
  };
}
