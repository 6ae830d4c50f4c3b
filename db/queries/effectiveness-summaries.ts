import { and, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { LocalDate } from "@/lib/domain/calendar/dates";
import type { Tx } from "../client";
import {
  effectivenessDistrictInputs,
  effectivenessSummaries,
  interventionSessions,
  interventions,
} from "../schema";
import { tenantJoin } from "./tenant-join";

/**
 * The stored effectiveness summaries (db/schema/effectiveness.ts): the versions they were
 * computed from, read before computing, and the compare-and-set that stores new figures only
 * while nothing they rest on has changed since. The versions themselves are raised by the
 * database's triggers (drizzle/0017_effectiveness_summaries.sql), never here.
 */

const s = effectivenessSummaries;

export interface StoredSummary {
  interventionId: string;
  inputVersion: number;
  computedVersion: number | null;
  districtVersion: number | null;
  computedFor: string | null;
  validUntil: Date | null;
  figures: unknown;
}

/** What a summary was computed from (lib/domain/effectiveness/summary-freshness.ts → SummaryState). */
const stateColumns = {
  inputVersion: s.inputVersion,
  computedVersion: s.computedVersion,
  districtVersion: s.districtVersion,
  computedFor: s.computedFor,
  validUntil: s.validUntil,
};

/** The district's inputs version; a district whose inputs never changed has no row: 0. */
async function districtInputsVersion(tx: Tx, tenantId: string): Promise<number> {
  const [row] = await tx
    .select({ version: effectivenessDistrictInputs.version })
    .from(effectivenessDistrictInputs)
    .where(eq(effectivenessDistrictInputs.tenantId, tenantId));
  return row?.version ?? 0;
}

/**
 * The groups' summaries and the district's inputs version, read in one round trip (pipelined).
 * A district whose inputs never changed has no row: version 0.
 */
export async function summariesOf(tx: Tx, tenantId: string, interventionIds: readonly string[]) {
  const [rows, district] = await Promise.all([
    interventionIds.length === 0
      ? []
      : tx
          .select({
            interventionId: s.interventionId,
            ...stateColumns,
            figures: s.figures,
          })
          .from(s)
          .where(and(eq(s.tenantId, tenantId), inArray(s.interventionId, [...interventionIds]))),
    districtInputsVersion(tx, tenantId),
  ]);
  return {
    districtVersion: district,
    summaries: new Map<string, StoredSummary>(rows.map((r) => [r.interventionId, r])),
  };
}

/**
 * What the summaries of the district's groups that end on or after `endedSince` (not cancelled)
 * were computed from, without their figures, with the district's inputs version: enough to tell
 * which are stale (isSummaryCurrent). A group without a summary row has null state.
 */
export async function summaryStatesOf(tx: Tx, tenantId: string, endedSince: LocalDate) {
  const [rows, district] = await Promise.all([
    tx
      .select({
        interventionId: interventions.id,
        ...stateColumns,
      })
      .from(interventions)
      .leftJoin(s, tenantJoin(s.interventionId, interventions.id))
      .where(
        and(
          eq(interventions.tenantId, tenantId),
          ne(interventions.status, "cancelled"),
          gte(interventions.endDate, endedSince),
        ),
      ),
    districtInputsVersion(tx, tenantId),
  ]);
  return { districtVersion: district, rows };
}

/**
 * Waits until no other transaction is computing summaries over the same `scope` (one group's id,
 * or "district" for a request over many groups), so that readers of the same stale groups compute
 * them once: the next reads what the first stored. Held until the transaction ends.
 */
export async function lockSummaryComputation(tx: Tx, tenantId: string, scope: string) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`effectiveness:${tenantId}:${scope}`}, 0))`,
  );
}

/**
 * Rows for groups that have none yet (those written before summaries existed: a group's own
 * insert creates its row). A row that appeared meanwhile is left as it is.
 */
export async function addSummaryRows(tx: Tx, tenantId: string, interventionIds: string[]) {
  if (interventionIds.length === 0) return;
  await tx
    .insert(s)
    .values(interventionIds.map((interventionId) => ({ tenantId, interventionId })))
    .onConflictDoNothing();
}

export interface ComputedSummary {
  interventionId: string;
  /** The group's input_version read before its inputs were. */
  inputVersion: number;
  /** The district's inputs version read before its inputs were. */
  districtVersion: number;
  figures: unknown;
}

/**
 * Stores each group's new figures only where its input_version is still the one read before
 * computing (a write since then raised it: the row stays stale) and no writer holds the row
 * (skip locked: a write in progress will raise it; a read never waits for a write). Valid until
 * the group's next session that has not been held begins, when "sessions scheduled to date"
 * changes (lib/domain/sessions/delivery.ts → deliveryToDate). Returns the ids stored.
 */
export async function storeSummaries(
  tx: Tx,
  tenantId: string,
  computed: readonly ComputedSummary[],
  computedFor: LocalDate,
  now: Date,
): Promise<string[]> {
  if (computed.length === 0) return [];
  const ids = computed.map((c) => c.interventionId);
  const rows = await tx.execute<{ interventionId: string }>(sql`
    update ${s} as t set
      computed_version = v.input_version,
      district_version = v.district_version,
      computed_for = ${computedFor}::date,
      computed_at = ${now.toISOString()}::timestamptz,
      figures = v.figures,
      valid_until = (
        select min(x.starts_at) from ${interventionSessions} x
        where x.tenant_id = t.tenant_id and x.intervention_id = t.intervention_id
          and x.status <> 'held' and x.starts_at > ${now.toISOString()}::timestamptz)
    from jsonb_to_recordset(${JSON.stringify(computed.map(toRecord))}::jsonb)
      as v(intervention_id uuid, input_version bigint, district_version bigint, figures jsonb)
    where t.tenant_id = ${tenantId} and t.intervention_id = v.intervention_id
      and t.input_version = v.input_version
      and t.intervention_id in (
        select l.intervention_id from ${s} l
        where l.tenant_id = ${tenantId}
          and l.intervention_id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
        for update skip locked)
    returning t.intervention_id as "interventionId"`);
  return rows.map((r) => r.interventionId);
}

function toRecord(c: ComputedSummary) {
  return {
    intervention_id: c.interventionId,
    input_version: c.inputVersion,
    district_version: c.districtVersion,
    figures: c.figures,
  };
}
