import { and, asc, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import {
  interventionFacilitators,
  interventionResources,
  interventionSessions,
  resources,
  staff,
  users,
} from "../schema";
import { needCostColumns } from "./resources";
import { tenantJoin } from "./tenant-join";
import { ofGroups } from "./tenant-row";

/**
 * What a group's budget is priced from (lib/use-cases/resources/intervention-budget.ts), for
 * one group or many at once: one statement per kind of input whatever the number of groups,
 * so the group page, the effectiveness page, the district view and the templates' record read
 * the same rows.
 */

/** Which of a group's sessions are priced: the whole plan, or the sessions held so far. */
export type BudgetBasis = "plan" | "held";

/**
 * The groups' sessions priced by `basis`, counted by (group, session facilitator, length):
 * a group's 36 sessions of 30 minutes with no facilitator of their own are one row.
 */
async function costedSessionCounts(
  tx: Tx,
  tenantId: string,
  interventionIds: readonly string[],
  basis: BudgetBasis,
) {
  if (interventionIds.length === 0) return [];
  const s = interventionSessions;
  return tx
    .select({
      interventionId: s.interventionId,
      facilitatorId: s.facilitatorId,
      minutes: s.minutes,
      sessions: sql<number>`count(*)::int`,
    })
    .from(s)
    .where(
      and(
        ofGroups(s, tenantId, interventionIds),
        basis === "held" ? eq(s.status, "held") : ne(s.status, "cancelled"),
      ),
    )
    .groupBy(s.interventionId, s.facilitatorId, s.minutes);
}

/** The groups' facilitators (intervention_facilitators). */
async function facilitatorsOfGroups(tx: Tx, tenantId: string, interventionIds: readonly string[]) {
  if (interventionIds.length === 0) return [];
  const f = interventionFacilitators;
  return tx
    .select({ interventionId: f.interventionId, staffId: f.staffId })
    .from(f)
    .where(and(eq(f.tenantId, tenantId), inArray(f.interventionId, [...interventionIds])));
}

/**
 * The people whose time the groups' budgets price (their facilitators and anyone named on one
 * of their sessions priced by `basis`), with their job title and, when they sign in, their
 * role (an active account first, then the oldest).
 */
async function costedStaffOfGroups(
  tx: Tx,
  tenantId: string,
  interventionIds: readonly string[],
  basis: BudgetBasis,
) {
  if (interventionIds.length === 0) return [];
  const ids = [...interventionIds];
  const f = interventionFacilitators;
  const s = interventionSessions;
  const facilitatorIds = tx
    .select({ id: f.staffId })
    .from(f)
    .where(and(eq(f.tenantId, tenantId), inArray(f.interventionId, ids)));
  const sessionStaffIds = tx
    .select({ id: s.facilitatorId })
    .from(s)
    .where(
      and(
        ofGroups(s, tenantId, ids),
        isNotNull(s.facilitatorId),
        basis === "held" ? eq(s.status, "held") : ne(s.status, "cancelled"),
      ),
    );
  return tx
    .select({
      id: staff.id,
      displayName: staff.displayName,
      title: staff.title,
      userRole: sql<string | null>`(select ${users.role} from ${users}
        where ${users.tenantId} = ${staff.tenantId} and ${users.staffId} = ${staff.id}
        order by ${users.active} desc, ${users.createdAt} limit 1)`,
    })
    .from(staff)
    .where(
      and(
        eq(staff.tenantId, tenantId),
        or(inArray(staff.id, facilitatorIds), inArray(staff.id, sessionStaffIds)),
      ),
    )
    .orderBy(asc(staff.lastName), asc(staff.id));
}

/** What each group needs of the catalogue, priced (intervention_resources with the resource). */
async function resourceNeedsOfGroups(tx: Tx, tenantId: string, interventionIds: readonly string[]) {
  if (interventionIds.length === 0) return [];
  return tx
    .select({
      interventionId: interventionResources.interventionId,
      id: resources.id,
      name: resources.name,
      ...needCostColumns,
    })
    .from(interventionResources)
    .innerJoin(resources, tenantJoin(resources.id, interventionResources.resourceId))
    .where(ofGroups(interventionResources, tenantId, interventionIds))
    .orderBy(asc(resources.name), asc(resources.id));
}

/** Every input of the groups' budgets, read together (postgres.js sends them pipelined). */
export async function budgetRowsOf(
  tx: Tx,
  tenantId: string,
  interventionIds: readonly string[],
  basis: BudgetBasis,
) {
  const [sessionCounts, facilitators, people, needs] = await Promise.all([
    costedSessionCounts(tx, tenantId, interventionIds, basis),
    facilitatorsOfGroups(tx, tenantId, interventionIds),
    costedStaffOfGroups(tx, tenantId, interventionIds, basis),
    resourceNeedsOfGroups(tx, tenantId, interventionIds),
  ]);
  return { sessionCounts, facilitators, people, needs };
}

export type BudgetRows = Awaited<ReturnType<typeof budgetRowsOf>>;
