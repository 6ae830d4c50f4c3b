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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Page params are user input: an id that cannot exist is simply "not found". */
export const isUuid = (value: string | undefined): value is string => !!value && UUID.test(value);
