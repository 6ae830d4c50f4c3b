/**
 * The instants the tests pin the clock to (lib/clock.ts, docs/decisions/0009-one-clock.md).
 * `npm test` runs on TEST_INSTANT; `npm run test:dates` runs again on each DATE_EDGE.
 */

/** Wednesday 18 November 2026, 09:00 in Maple Grove (America/Chicago): a school day in term. */
export const TEST_INSTANT = "2026-11-18T15:00:00Z";

export interface DateEdge {
  name: string;
  /** An instant with its zone; the demo districts are in America/Chicago and America/Denver. */
  instant: string;
}

/** The days on which date code breaks, each as an instant in Maple Grove's time zone. */
export const DATE_EDGES: readonly DateEdge[] = [
  { name: "a Saturday", instant: "2026-11-21T10:00:00-06:00" },
  { name: "a Sunday", instant: "2026-12-06T10:00:00-06:00" },
  { name: "a district holiday (Thanksgiving)", instant: "2026-11-26T10:00:00-06:00" },
  { name: "spring forward, morning", instant: "2027-03-14T10:00:00-05:00" },
  { name: "spring forward, 23:30 local", instant: "2027-03-14T23:30:00-05:00" },
  { name: "fall back, morning", instant: "2026-11-01T10:00:00-06:00" },
  { name: "fall back, 23:30 local", instant: "2026-11-01T23:30:00-06:00" },
  { name: "New Year's Eve, 23:30 local", instant: "2026-12-31T23:30:00-06:00" },
  { name: "New Year's Day", instant: "2027-01-01T10:00:00-06:00" },
  { name: "the last day of the school year (30 June)", instant: "2027-06-30T10:00:00-05:00" },
  { name: "the first day of the next (1 July)", instant: "2027-07-01T10:00:00-05:00" },
  { name: "29 February 2028", instant: "2028-02-29T10:00:00-06:00" },
  { name: "23:59 local, already tomorrow in UTC", instant: "2026-11-18T23:59:00-06:00" },
];

/**
 * Pins the clock of this process and of those it starts, unless a run of the date matrix has
 * already pinned another instant. `frozen` stops time at the instant (unit and integration
 * suites); otherwise it runs on from there (the end-to-end server and browser).
 */
export function pinTestClock({ frozen }: { frozen: boolean }): string {
  process.env.NORTHSTAR_CLOCK ||= TEST_INSTANT;
  if (frozen) process.env.NORTHSTAR_CLOCK_FROZEN ||= "true";
  return process.env.NORTHSTAR_CLOCK;
}
