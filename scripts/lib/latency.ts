/** Latency summaries for the benchmark (bench/run.ts). */

/**
 * The q-th percentile (0–100) by the nearest-rank method: the smallest sample with at least q%
 * of the samples at or below it. It is always a latency that was observed, never interpolated.
 */
export function percentile(samples: readonly number[], q: number): number | null {
  if (samples.length === 0) return null;
  if (q < 0 || q > 100) throw new RangeError(`Percentile must be within 0–100, got ${q}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((q / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface LatencySummary {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export function summarize(samples: readonly number[]): LatencySummary {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
  };
}

/** "1.9×" — how many times the floor a latency is; "—" when either is unknown. */
export function ratioText(value: number | null, floor: number | null): string {
  if (value === null || floor === null || floor <= 0) return "—";
  return `${(value / floor).toFixed(1)}×`;
}
