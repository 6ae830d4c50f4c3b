import type { Tx } from "@/db/client";
import {
  facilitatorsOf,
  getVisibleIntervention,
  interventionRoster,
  interventionSessionList,
} from "@/db/queries/interventions";
import { childrenOfGuardian } from "@/db/queries/people";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import { interventionAccess } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { toInterventionDto } from "./intervention-dto";

/**
 * Not in the district, or not connected to the actor: "not found" either way, so an
 * outsider learns nothing about whether it exists.
 */
async function loadAccessible(tx: Tx, ctx: UseCaseContext, id: string) {
  const row = await getVisibleIntervention(tx, ctx.actor, id, ctx.now());
  const access = row ? interventionAccess(ctx.actor, row) : "none";
  if (!row || access === "none") throw new NotFoundError("Intervention");
  return { access, intervention: toInterventionDto(row) };
}

export async function getIntervention(ctx: UseCaseContext, id: string) {
  return withTenant(ctx.db, ctx.actor, (tx) => loadAccessible(tx, ctx, id));
}

/** The detail page: the intervention with its facilitators, roster and session calendar. */
export async function getInterventionDetail(ctx: UseCaseContext, id: string) {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { access, intervention } = await loadAccessible(tx, ctx, id);
    const { tenantId, guardianId } = ctx.actor;
    const [facilitators, roster, sessions] = await Promise.all([
      facilitatorsOf(tx, tenantId, id),
      interventionRoster(tx, tenantId, id),
      interventionSessionList(tx, tenantId, id),
    ]);
    // A family sees its own child in the group, never the other children.
    const ownChildren =
      access === "family" && guardianId
        ? new Set((await childrenOfGuardian(tx, tenantId, guardianId)).map((c) => c.id))
        : null;
    return {
      access,
      intervention,
      facilitators,
      roster: ownChildren ? roster.filter((r) => ownChildren.has(r.studentId)) : roster,
      sessions,
    };
  });
}
