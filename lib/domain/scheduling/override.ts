import { ConflictError } from "../errors";
import type { Alternative } from "./alternatives";
import { type Conflict, isDoubleBooking } from "./conflicts";

/** The key of `districts.settings` that allows saving over soft conflicts. */
export const SCHEDULE_OVERRIDE_SETTING = "scheduleOverride";

/**
 * Whether the district lets a specialist save a schedule over its conflicts with a reason
 * (`districts.settings.scheduleOverride`, off unless set to true). Double bookings are never
 * overridable: the database refuses them (docs/domain.md, "Scheduling").
 */
export function scheduleOverrideAllowed(districtSettings: unknown): boolean {
  return (
    !!districtSettings &&
    typeof districtSettings === "object" &&
    (districtSettings as Record<string, unknown>)[SCHEDULE_OVERRIDE_SETTING] === true
  );
}

/** A plan that collides: 409 with every conflict and the alternatives in the problem document. */
export class ScheduleConflictError extends ConflictError {
  override readonly extensions: {
    conflicts: Conflict[];
    alternatives: Alternative[];
    overrideAllowed: boolean;
  };
  constructor(conflicts: Conflict[], alternatives: Alternative[], overrideAllowed: boolean) {
    const [first] = conflicts;
    const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : "";
    super(
      `The schedule has conflicts: ${first?.message ?? "a booking was taken"}${more}`,
      "schedule-conflict",
    );
    this.extensions = { conflicts, alternatives, overrideAllowed };
  }
}

/**
 * What the district's rule says of a plan's conflicts: none, or overridden with a reason
 * (the reason returned for the audit trail); otherwise the save is refused.
 */
export function acceptConflicts(
  check: { conflicts: Conflict[]; alternatives: Alternative[]; overrideAllowed: boolean },
  override: { reason: string } | null | undefined,
): { overriddenConflicts: Conflict[]; reason: string } | null {
  if (check.conflicts.length === 0) return null;
  const overridable =
    check.overrideAllowed && !check.conflicts.some((conflict) => isDoubleBooking(conflict.kind));
  if (overridable && override?.reason) {
    return { overriddenConflicts: check.conflicts, reason: override.reason };
  }
  throw new ScheduleConflictError(check.conflicts, check.alternatives, overridable);
}
