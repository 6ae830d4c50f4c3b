/** For display only: the math keeps full precision and rounds nothing. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  // Rounding the magnitude keeps -2.5 and 2.5 symmetric and never shows "-0".
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}

/**
 * Rates (attendance, fidelity, share of students progressing) leave the domain with 2 decimals:
 * 0.67, as Scenario 3 shows a session's attendance. The API's bodies and the effectiveness
 * report round them here.
 */
export const RATE_DECIMALS = 2;

/** A rate as the API gives it; an unknown rate (lib/domain/attendance/ratio.ts) stays unknown. */
export function roundRate(rate: number | null): number | null {
  return rate === null ? null : roundTo(rate, RATE_DECIMALS);
}

export function formatNumber(value: number, decimals = 2): string {
  return String(roundTo(value, decimals));
}

export function formatPercent(rate: number): string {
  return `${formatNumber(rate * 100, 1)}%`;
}
