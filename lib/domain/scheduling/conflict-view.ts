import { formatDate } from "../calendar/format";
import { WEEKDAY_LABELS } from "../interventions/schemas";
import type { Alternative } from "./alternatives";
import { CONFLICT_KINDS, type Conflict, type ConflictKind, isDoubleBooking } from "./conflicts";

/**
 * How a schedule's conflicts and alternatives read on the planning form (docs/domain.md,
 * "Scheduling"): the live check, a refused save and a refused enrollment all show them the same
 * way. Pure, so the wording is tested beside it.
 */

/** What `POST /schedule/check` answers, and what a 409's problem document carries. */
export interface ScheduleCheckResult {
  conflicts: Conflict[];
  alternatives: Alternative[];
  overrideAllowed: boolean;
}

/** One heading per kind, as a person reads it. */
export const CONFLICT_KIND_LABELS: Record<ConflictKind, string> = {
  room_booked: "Room already booked",
  facilitator_booked: "Facilitator already booked",
  resource_at_capacity: "Resource fully in use",
  facilitator_unavailable: "Facilitator not available",
  caseload_exceeded: "Caseload over its cap",
  student_in_class: "Student in class",
  student_protected_time: "Student's protected time",
  student_in_intervention: "Student in another group",
  room_too_small: "Room too small",
};

export interface ConflictGroup {
  kind: ConflictKind;
  label: string;
  /** A double booking: never saved over, whatever the district allows. */
  doubleBooking: boolean;
  conflicts: Conflict[];
}

/** The conflicts by kind, double bookings first, each kind in date order (whole-plan ones first). */
export function groupConflicts(conflicts: readonly Conflict[]): ConflictGroup[] {
  const byKind = new Map<ConflictKind, Conflict[]>();
  for (const conflict of conflicts) {
    const list = byKind.get(conflict.kind);
    if (list) list.push(conflict);
    else byKind.set(conflict.kind, [conflict]);
  }
  return CONFLICT_KINDS.filter((kind) => byKind.has(kind))
    .map((kind) => ({
      kind,
      label: CONFLICT_KIND_LABELS[kind],
      doubleBooking: isDoubleBooking(kind),
      conflicts: [...(byKind.get(kind) ?? [])].sort(
        (a, b) =>
          (a.date ?? "").localeCompare(b.date ?? "") ||
          (a.startTime ?? "").localeCompare(b.startTime ?? ""),
      ),
    }))
    .sort((a, b) => Number(b.doubleBooking) - Number(a.doubleBooking));
}

/** "Mon, Dec 7, 2026, 10:00–10:30", or "The whole plan" for a conflict of no one session. */
export function conflictWhen(conflict: Conflict): string {
  if (!conflict.date) return "The whole plan";
  const day = formatDate(conflict.date);
  if (!conflict.startTime) return day;
  return conflict.endTime
    ? `${day}, ${conflict.startTime}–${conflict.endTime}`
    : `${day}, ${conflict.startTime}`;
}

/** "Mon, Dec 7, 2026, 10:00–10:30: Room 104 is booked for Phonics Group (10:00–10:30)." */
export function describeConflict(conflict: Conflict): string {
  return `${conflictWhen(conflict)}: ${conflict.message}`;
}

/** A double booking is among them: no reason lets the plan be saved. */
export function hasDoubleBooking(conflicts: readonly Conflict[]): boolean {
  return conflicts.some((conflict) => isDoubleBooking(conflict.kind));
}

/** Whether the form offers "Save anyway" with a reason. */
export function mayOverride(result: ScheduleCheckResult): boolean {
  return (
    result.overrideAllowed && result.conflicts.length > 0 && !hasDoubleBooking(result.conflicts)
  );
}

/** "Mon, Wed, Fri at 10:45 in Room 104" (the room left out when there is none). */
export function describeAlternative(alternative: Alternative): string {
  const days = alternative.days.map((day) => WEEKDAY_LABELS[day]).join(", ");
  const room = alternative.roomName ? ` in ${alternative.roomName}` : "";
  return `${days} at ${alternative.startTime}${room}`;
}

/** What taking an alternative changes on the form: its days, its start time and its room. */
export function alternativeToFormValues(alternative: Alternative): {
  days: Alternative["days"];
  startTime: string;
  roomId: string | null;
} {
  return {
    days: [...alternative.days],
    startTime: alternative.startTime,
    roomId: alternative.roomId,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/**
 * A refused save's `details` (a 409's problem extensions) read as a schedule check, or null when
 * the refusal was not about the schedule (a stale version, a closed group).
 */
export function scheduleCheckFromDetails(details: unknown): ScheduleCheckResult | null {
  if (!isRecord(details) || !Array.isArray(details.conflicts)) return null;
  const conflicts = details.conflicts.filter(
    (item): item is Conflict =>
      isRecord(item) &&
      typeof item.kind === "string" &&
      (CONFLICT_KINDS as readonly string[]).includes(item.kind) &&
      typeof item.message === "string" &&
      isRecord(item.with),
  );
  const alternatives = Array.isArray(details.alternatives)
    ? details.alternatives.filter(
        (item): item is Alternative =>
          isRecord(item) && Array.isArray(item.days) && typeof item.startTime === "string",
      )
    : [];
  return { conflicts, alternatives, overrideAllowed: details.overrideAllowed === true };
}

/** The schedule fields of the planning form, as typed (numbers may still be text). */
export interface PlanFields {
  startDate?: string;
  durationWeeks?: unknown;
  schedule?: { days?: readonly string[]; startTime?: string; minutes?: unknown };
  facilitatorIds?: readonly string[];
  roomId?: string | null;
  studentIds?: readonly string[];
  resources?: readonly { resourceId?: string; quantity?: unknown }[];
}

/** The body of `POST /schedule/check`. */
export interface ScheduleCheckRequest {
  startDate: string;
  durationWeeks: number;
  schedule: { days: string[]; startTime: string; minutes: number };
  facilitatorIds: string[];
  roomId: string | null;
  studentIds: string[];
  resources: { resourceId: string; quantity: number }[];
  interventionId?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const wholeNumber = (value: unknown): number | null => {
  const number =
    typeof value === "number" ? value : Number(String(value ?? "").trim() || Number.NaN);
  return Number.isInteger(number) && number > 0 ? number : null;
};

/**
 * The check's body from the form as it stands, or null while it cannot be checked yet: a start
 * date, days, a start time, the minutes and a facilitator are needed first. Half-filled resource
 * rows are left out, and so is the name: typing it does not check again.
 */
export function scheduleCheckRequest(
  fields: PlanFields,
  interventionId?: string,
): ScheduleCheckRequest | null {
  const days = fields.schedule?.days ?? [];
  const startTime = fields.schedule?.startTime ?? "";
  const minutes = wholeNumber(fields.schedule?.minutes);
  const facilitatorIds = [...(fields.facilitatorIds ?? [])];
  if (!fields.startDate || !DATE.test(fields.startDate)) return null;
  if (days.length === 0 || !TIME.test(startTime) || minutes === null) return null;
  if (facilitatorIds.length === 0) return null;
  const durationWeeks = wholeNumber(fields.durationWeeks) ?? 1;
  const resources = (fields.resources ?? []).flatMap((row) => {
    const quantity = wholeNumber(row.quantity);
    return row.resourceId && quantity !== null ? [{ resourceId: row.resourceId, quantity }] : [];
  });
  return {
    startDate: fields.startDate,
    durationWeeks,
    schedule: { days: [...days], startTime, minutes },
    facilitatorIds,
    roomId: fields.roomId || null,
    studentIds: [...(fields.studentIds ?? [])],
    resources,
    ...(interventionId ? { interventionId } : {}),
  };
}
