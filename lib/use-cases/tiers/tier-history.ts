import type { Tx } from "@/db/client";
import { tierDecisionOf, tierDecisionsOf } from "@/db/queries/tier-changes";
import type { NoteAudience } from "@/lib/domain/policy";
import type { RecordedTierDecision } from "@/lib/domain/tiers/decision";
import type { TeamMember } from "@/lib/domain/tiers/schemas";
import { snapshotUrl } from "./snapshot-url";

export interface TierHistoryEntry {
  id: string;
  date: string;
  fromTier: number | null;
  toTier: number;
  decision: RecordedTierDecision;
  justification: string;
  team: TeamMember[];
  lowFidelityReason: string | null;
  interventionId: string | null;
  interventionName: string | null;
  decidedByName: string | null;
  /** The decision's page with the data it rests on; null for a family (scores are staff's). */
  snapshotUrl: string | null;
}

type DecisionRow = Awaited<ReturnType<typeof tierDecisionsOf>>[number];

function entryOf(row: DecisionRow, audience: NoteAudience): TierHistoryEntry {
  return {
    id: row.id,
    date: row.date,
    fromTier: row.fromTier,
    toTier: row.toTier,
    decision: row.decision,
    justification: row.justification,
    team: (row.team ?? []) as TeamMember[],
    lowFidelityReason: row.lowFidelityReason,
    interventionId: row.interventionId,
    interventionName: row.interventionName,
    decidedByName: row.decidedByName,
    // A carry-over rests on no data of its own: the rollover kept the tier the last decision set.
    snapshotUrl:
      audience === "family" || row.decision === "carry-over"
        ? null
        : snapshotUrl(row.studentId, row.id),
  };
}

/**
 * The student's tier decisions for the student page and `GET /students/{id}/interventions`:
 * each with its kind, justification, team and the link to its snapshot. The caller has
 * established the reader's audience (visibleStudent).
 */
export async function tierHistoryFor(
  tx: Tx,
  tenantId: string,
  studentId: string,
  audience: NoteAudience,
): Promise<TierHistoryEntry[]> {
  return (await tierDecisionsOf(tx, tenantId, studentId)).map((row) => entryOf(row, audience));
}

/** One decision with its stored snapshot (the decision page). */
export async function tierDecisionFor(
  tx: Tx,
  tenantId: string,
  studentId: string,
  decisionId: string,
  audience: NoteAudience,
) {
  const row = await tierDecisionOf(tx, tenantId, studentId, decisionId);
  return row ? { ...entryOf(row, audience), dataSnapshot: row.dataSnapshot } : null;
}
