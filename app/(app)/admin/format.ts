/** A moment as an auditor reads it: full date with year and time, in the district's zone. */
export function formatMoment(instant: Date | string | null, timeZone: string): string {
  if (!instant) return "—";
  return new Date(instant).toLocaleString("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    second: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
}
