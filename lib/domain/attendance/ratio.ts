/**
 * A rate over an empty base is unknown, not zero: "no sessions scheduled yet" must not read as
 * "0% attendance" on a dashboard or trip a rule that acts below a threshold.
 */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
