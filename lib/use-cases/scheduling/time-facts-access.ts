import type { Tx } from "@/db/client";
import { schoolRotations } from "@/db/queries/scheduling/bell-schedule";
import { staffForTimeFacts } from "@/db/queries/scheduling/staff-time";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { canEditTimeFacts, canReadTimeFacts } from "@/lib/domain/policy/time-facts";

/** What every time-facts use-case checks first (docs/domain.md, "Time facts"). */

export function assertEditsTimeFacts(actor: Actor): void {
  if (!canEditTimeFacts(actor))
    throw new ForbiddenError(
      "Only district admins change bell schedules, blocks, rooms and staff time.",
    );
}

export function assertReadsTimeFacts(actor: Actor): void {
  if (!canReadTimeFacts(actor))
    throw new ForbiddenError("Only specialists and district admins see the schedule's time facts.");
}

/** The school, in the actor's district; another district's school is not found. */
export async function requireSchool(tx: Tx, tenantId: string, schoolId: string) {
  const [school] = await schoolRotations(tx, tenantId, [schoolId]);
  if (!school) throw new NotFoundError("School", "No school with this id in your district.");
  return school;
}

/** The staff member, in the actor's district; another district's is not found. */
export async function requireStaff(tx: Tx, tenantId: string, staffId: string) {
  const [person] = await staffForTimeFacts(tx, tenantId, [staffId]);
  if (!person)
    throw new NotFoundError("Staff member", "No staff member with this id in your district.");
  return person;
}
