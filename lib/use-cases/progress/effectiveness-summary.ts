import type { Tx } from "@/db/client";
import type { ActiveGroup } from "@/db/queries/effectiveness-inputs";
import {
  addSummaryRows,
  lockSummaryComputation,
  storeSummaries,
  summariesOf,
} from "@/db/queries/effectiveness-summaries";
import type { Fidelity } from "@/lib/domain/attendance";
import type { LocalDate } from "@/lib/domain/calendar/dates";
import { type Effectiveness, isSummaryCurrent } from "@/lib/domain/effectiveness";
import type { Actor } from "@/lib/domain/policy";
import { type GroupFigures, groupsEffectiveness } from "./groups-effectiveness";

/**
 * What a group's stored summary holds (db/schema/effectiveness.ts → figures): the figures of
 * `GET /interventions/{id}/effectiveness` with the cost in money, and what the district view's
 * row adds to them.
 */
export interface SummaryFigures {
  /** Rounded for display, cost in money; null while the group has no measure and goal. */
  effectiveness: Effectiveness | null;
  fidelity: Fidelity;
  staffHours: number;
  /** Everyone ever enrolled. */
  studentCount: number;
  studentsWithScores: number;
}

function summaryFigures(f: GroupFigures): SummaryFigures {
  return {
    effectiveness: f.effectiveness,
    fidelity: f.delivery.fidelity,
    staffHours: f.staffHours,
    studentCount: new Set(f.roster.map((r) => r.studentId)).size,
    studentsWithScores: f.studentsWithScores,
  };
}

interface SummaryContext {
  today: LocalDate;
  now: Date;
  /** The district's settings: every summary prices the cost to date in money. */
  districtSettings: unknown;
  /**
   * Whether the actor reads every note of these groups (readsEveryNote): summaries hold every
   * note's readings, so anyone else gets figures computed from their own notes, never stored.
   */
  readsEveryNote: boolean;
  /** The groups' summaries when the caller read them already, beside its own reads. */
  stored?: StoredSummaries;
}

type StoredSummaries = Awaited<ReturnType<typeof summariesOf>>;

/** The figures of the groups whose summary is current, and the ids of the others. */
function currentFigures(
  interventionIds: readonly string[],
  { districtVersion, summaries }: StoredSummaries,
  today: LocalDate,
  now: Date,
): { figures: Map<string, SummaryFigures>; stale: string[] } {
  const clock = { districtVersion, today, now };
  const figures = new Map<string, SummaryFigures>();
  const stale: string[] = [];
  for (const id of interventionIds) {
    const summary = summaries.get(id);
    if (summary && isSummaryCurrent(summary, clock)) {
      figures.set(id, summary.figures as SummaryFigures);
    } else {
      stale.push(id);
    }
  }
  return { figures, stale };
}

/**
 * The groups' figures from their stored summaries, computing only those that are missing or no
 * longer current (lib/domain/effectiveness/summary-freshness.ts) with the set-based loader
 * (groupsEffectiveness) and storing them with the versions read before their inputs were: a
 * write that lands meanwhile leaves the summary stale (db/queries/effectiveness-summaries.ts →
 * storeSummaries). The caller has checked the actor may see the cost in money, or strips it.
 * `groupsOf` loads the groups to compute, only when there are any.
 */
export async function summarizedEffectiveness(
  tx: Tx,
  actor: Actor,
  interventionIds: readonly string[],
  groupsOf: (ids: string[]) => Promise<readonly ActiveGroup[]>,
  { today, now, districtSettings, readsEveryNote, stored }: SummaryContext,
): Promise<Map<string, SummaryFigures>> {
  const { tenantId } = actor;
  if (!readsEveryNote) {
    const groups = await groupsOf([...interventionIds]);
    const computed = await groupsEffectiveness(tx, actor, groups, today, now, { districtSettings });
    return new Map(groups.map((g) => [g.id, summaryFigures(computed.get(g.id)!)]));
  }
  const first = currentFigures(
    interventionIds,
    stored ?? (await summariesOf(tx, tenantId, interventionIds)),
    today,
    now,
  );
  if (first.stale.length === 0) return first.figures;
  // One group's page locks only that group, so groups are not computed in single file.
  const scope = interventionIds.length === 1 ? interventionIds[0]! : "district";
  return computeStaleSummaries(tx, tenantId, interventionIds, scope, groupsOf, {
    today,
    now,
    districtSettings,
  });
}

/**
 * The groups' figures, computing and storing those whose summary is missing or stale, from every
 * note of the groups: the one path by which summaries are written (readers, and the
 * refresh-effectiveness-summaries job that keeps them current ahead of readers). Readers of the
 * same stale groups at once (an admin's table right after a burst of attendance) would each
 * compute them: under the `scope`'s lock the first computes and the others, waiting, read again
 * and find its figures stored.
 */
export async function computeStaleSummaries(
  tx: Tx,
  tenantId: string,
  interventionIds: readonly string[],
  scope: string,
  groupsOf: (ids: string[]) => Promise<readonly ActiveGroup[]>,
  { today, now, districtSettings }: Omit<SummaryContext, "readsEveryNote" | "stored">,
): Promise<Map<string, SummaryFigures>> {
  await lockSummaryComputation(tx, tenantId, scope);
  let stored = await summariesOf(tx, tenantId, interventionIds);
  const missing = interventionIds.filter((id) => !stored.summaries.has(id));
  if (missing.length > 0) {
    await addSummaryRows(tx, tenantId, missing);
    stored = await summariesOf(tx, tenantId, interventionIds);
  }
  const { figures, stale } = currentFigures(interventionIds, stored, today, now);
  if (stale.length === 0) return figures;
  const { districtVersion, summaries } = stored;

  const groups = await groupsOf(stale);
  const everyNote = { tenantId, everyNote: true } as const;
  const computed = await groupsEffectiveness(tx, everyNote, groups, today, now, {
    districtSettings,
  });
  const toStore = groups.map((group) => {
    const groupFigures = summaryFigures(computed.get(group.id)!);
    figures.set(group.id, groupFigures);
    return {
      interventionId: group.id,
      inputVersion: summaries.get(group.id)?.inputVersion ?? 0,
      districtVersion,
      figures: groupFigures,
    };
  });
  await storeSummaries(tx, tenantId, toStore, today, now);
  return figures;
}
