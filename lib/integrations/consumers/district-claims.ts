/**
 * The districts an inbound event says it is about, wherever a publisher may put that: the
 * CloudEvents extension attributes `districtid` or `tenantid`, a `/districts/<id>` segment of
 * `source` (the form this service's own events use, lib/use-cases/events/cloud-event.ts), or
 * `districtId` / `tenantId` in `data`. The district an event is applied to comes from its
 * subject, which NATS permissions tie to the publisher (docs/decisions/0020-inbound-events-per-district.md);
 * an event that names another district is refused rather than applied to the subject's.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const SOURCE_DISTRICT = new RegExp(`/districts/(${UUID.source})(?:/|$)`, "i");

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim().toLowerCase() : null;
}

export function districtsNamedBy(envelope: unknown): string[] {
  if (typeof envelope !== "object" || envelope === null) return [];
  const event = envelope as Record<string, unknown>;
  const data =
    typeof event.data === "object" && event.data !== null
      ? (event.data as Record<string, unknown>)
      : {};
  const named = [
    text(event.districtid),
    text(event.tenantid),
    typeof event.source === "string"
      ? (SOURCE_DISTRICT.exec(event.source)?.[1]?.toLowerCase() ?? null)
      : null,
    text(data.districtId),
    text(data.tenantId),
  ];
  return [...new Set(named.filter((d): d is string => d !== null))];
}

/** Why an event may not be applied to the district of its subject, or null when it may. */
export function districtMismatch(envelope: unknown, subjectDistrict: string): string | null {
  const other = districtsNamedBy(envelope).find((d) => d !== subjectDistrict.toLowerCase());
  return other === undefined
    ? null
    : `The event names district ${other} but arrived on a subject of district ${subjectDistrict}: a publisher may speak only for the district of its subject`;
}
