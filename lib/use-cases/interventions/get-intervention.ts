import type { Tx } from "@/db/client";
import {
  facilitatorsOf,
  interventionRoster,
  interventionSessionList,
} from "@/db/queries/interventions/details";
import { withTenant } from "@/db/with-tenant";
import { loadInterventionAccess, studentsVisibleInRoster } from "../access";
import type { UseCaseContext } from "../context";
import { budgetInTransaction } from "../resources/intervention-budget";
import { toInterventionDto } from "./intervention-dto";

/**
 * The intervention as the API shows it, with the actor's access; "not found" as the loader says.
 * `withBudget` adds its budget impact (null unless the actor manages it): `GET
 * /interventions/{id}` and the group page ask for it, the existence checks of other use-cases
 * do not.
 */
async function loadAccessible(
  tx: Tx,
  ctx: UseCaseContext,
  id: string,
  options: { withBudget?: boolean } = {},
) {
  const { intervention, access } = await loadInterventionAccess(tx, ctx, id);
  const dto = toInterventionDto(intervention);
  if (!options.withBudget) return { access, intervention: dto };
  const budget = await budgetInTransaction(tx, ctx, intervention, access);
  return { access, intervention: { ...dto, budget } };
}

export async function getIntervention(
  ctx: UseCaseContext,
  id: string,
  options: { withBudget?: boolean } = {},
) {
  return withTenant(ctx.db, ctx.actor, (tx) => loadAccessible(tx, ctx, id, options));
}

/** The detail page: the intervention with its facilitators, roster and session calendar. */
export async function getInterventionDetail(ctx: UseCaseContext, id: string) {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { access, intervention } = await loadAccessible(tx, ctx, id, { withBudget: true });
    const { tenantId } = ctx.actor;
    const [facilitators, roster, sessions] = await Promise.all([
      facilitatorsOf(tx, tenantId, id),
      interventionRoster(tx, tenantId, id),
      interventionSessionList(tx, tenantId, id),
    ]);
    const visibleStudents = await studentsVisibleInRoster(tx, ctx, access);
    return {
      access,
      intervention,
      facilitators,
      roster: visibleStudents ? roster.filter((r) => visibleStudents.has(r.studentId)) : roster,
      // A cancellation's reason may be about another child: the family sees that it was cancelled.
      sessions:
        access === "family" ? sessions.map((s) => ({ ...s, cancellationReason: null })) : sessions,
    };
  });
}
