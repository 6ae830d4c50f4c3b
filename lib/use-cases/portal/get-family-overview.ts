import { communicationsToGuardian } from "@/db/queries/communications/letters";
import { facilitatorsOf } from "@/db/queries/interventions/details";
import { childrenOfGuardian } from "@/db/queries/people";
import { enrollmentsWithSchedule } from "@/db/queries/students";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { isFamily } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * The family portal's home: each of the parent's children with their current interventions and
 * the letters sent about them, whole (where the district e-mails only a notice, they are read here).
 */
export async function getFamilyOverview(ctx: UseCaseContext) {
  const { guardianId, tenantId } = ctx.actor;
  if (!isFamily(ctx.actor) || !guardianId) throw new ForbiddenError();
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const children = await childrenOfGuardian(tx, tenantId, guardianId);
    const childIds = children.map((c) => c.id);
    const [enrollments, letters] = await Promise.all([
      enrollmentsWithSchedule(tx, tenantId, childIds),
      communicationsToGuardian(tx, tenantId, guardianId, childIds),
    ]);
    const current = enrollments.filter((e) => e.isActive && e.status !== "cancelled");
    const facilitators = new Map<string, Awaited<ReturnType<typeof facilitatorsOf>>>();
    for (const interventionId of new Set(current.map((e) => e.interventionId))) {
      facilitators.set(interventionId, await facilitatorsOf(tx, tenantId, interventionId));
    }
    return children.map((child) => ({
      ...child,
      interventions: current
        .filter((e) => e.studentId === child.id)
        .map((e) => ({ ...e, facilitators: facilitators.get(e.interventionId) ?? [] })),
      letters: letters.filter((l) => l.studentId === child.id),
    }));
  });
}
