/** For display only: the math keeps full precision and rounds nothing. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  // Rounding the magnitude keeps -2.5 and 2.5 symmetric and never shows "-0".
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}

export function formatNumber(value: number, decimals = 2): string {
  return String(roundTo(value, decimals));
}

export function formatPercent(rate: number): string {
  return `${formatNumber(rate * 100, 1)}%`;
}
