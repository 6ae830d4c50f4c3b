import { appendAudit } from "@/db/queries/audit";
import { setSchoolRotation as write } from "@/db/queries/scheduling/bell-schedule";
import { withTenant } from "@/db/with-tenant";
import type { SchoolRotationInput } from "@/lib/domain/scheduling/time-facts-schemas";
import type { UseCaseContext } from "../context";
import { assertEditsTimeFacts, requireSchool } from "./time-facts-access";

/** A school's rotation days (A/B…) and the date of its first day; empty: every day alike. */
export async function setSchoolRotation(ctx: UseCaseContext, input: SchoolRotationInput) {
  assertEditsTimeFacts(ctx.actor);
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const before = await requireSchool(tx, tenantId, input.schoolId);
    const after = { dayRotation: input.dayRotation, rotationStartsOn: input.rotationStartsOn };
    await write(tx, tenantId, input.schoolId, after);
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "school.rotation_set",
        entityType: "school",
        entityId: input.schoolId,
        before: { dayRotation: before.dayRotation, rotationStartsOn: before.rotationStartsOn },
        after,
      },
    ]);
    return { schoolId: input.schoolId, ...after };
  });
}
