import type { Tx } from "@/db/client";
import {
  facilitatorsOf,
  getVisibleIntervention,
  interventionRoster,
  interventionSessionList,
} from "@/db/queries/interventions";
import { childrenOfGuardian, studentsTaughtBy } from "@/db/queries/people";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import { type InterventionAccess, interventionAccess } from "@/lib/domain/policy";
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

/**
 * Whose names the roster may show. Staff who run or manage the group see everyone in it; a
 * teacher sees only the students of their own classes, a family only its own children.
 * Null means no restriction.
 */
async function studentsVisibleInRoster(
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

export async function getIntervention(ctx: UseCaseContext, id: string) {
  return withTenant(ctx.db, ctx.actor, (tx) => loadAccessible(tx, ctx, id));
}

/** The detail page: the intervention with its facilitators, roster and session calendar. */
export async function getInterventionDetail(ctx: UseCaseContext, id: string) {
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { access, intervention } = await loadAccessible(tx, ctx, id);
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
