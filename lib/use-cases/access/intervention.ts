import type { Tx } from "@/db/client";
import { childrenOfGuardian } from "@/db/queries/guardian-links";
import { getVisibleIntervention } from "@/db/queries/interventions/visible";
import { studentsTaughtBy } from "@/db/queries/people";
import { NotFoundError } from "@/lib/domain/errors";
import { type InterventionAccess, interventionAccess } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * The intervention row and the actor's access to it, inside the caller's transaction; not in the
 * district or not connected to the actor: "not found", so an outsider learns nothing.
 */
export async function loadInterventionAccess(tx: Tx, ctx: UseCaseContext, interventionId: string) {
  const intervention = await getVisibleIntervention(tx, ctx.actor, interventionId, ctx.now());
  const access = intervention ? interventionAccess(ctx.actor, intervention) : "none";
  if (!intervention || access === "none") throw new NotFoundError("Intervention");
  return { intervention, access };
}

/**
 * Whose names a group's roster may show. Staff who run or manage the group see everyone in it;
 * a teacher sees only the students of their own classes, a family only its own children.
 * Null means no restriction.
 */
export async function studentsVisibleInRoster(
  tx: Tx,
  ctx: UseCaseContext,
  access: InterventionAccess,
): Promise<Set<string> | null> {
  const { tenantId, guardianId, staffId } = ctx.actor;
  if (access === "family") {
    const children = guardianId ? await childrenOfGuardian(tx, tenantId, guardianId) : [];
    return new Set(children.map((c) => c.id));
  }
  if (access === "view") {
    const taught = staffId ? await studentsTaughtBy(tx, tenantId, staffId) : [];
    return new Set(taught.map((s) => s.id));
  }
  return null;
}
