import { enrollmentsOfStudents, facilitatorsOf } from "@/db/queries/interventions";
import { childrenOfGuardian } from "@/db/queries/people";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import type { UseCaseContext } from "../context";

/** The family portal's home: each of the parent's children with their current interventions. */
export async function getFamilyOverview(ctx: UseCaseContext) {
  const { guardianId, tenantId } = ctx.actor;
  if (ctx.actor.role !== "parent" || !guardianId) throw new ForbiddenError();
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const children = await childrenOfGuardian(tx, tenantId, guardianId);
    const enrollments = await enrollmentsOfStudents(
      tx,
      tenantId,
      children.map((c) => c.id),
    );
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
    }));
  });
}
