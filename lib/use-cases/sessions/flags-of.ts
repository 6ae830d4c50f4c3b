import type { Tx } from "@/db/client";
import { absenceHistories } from "@/db/queries/sessions/attendance-history";
import { type FollowUpFlag, type FollowUpSettings, followUpFlags } from "@/lib/domain/attendance";

/**
 * The follow-up flags of each intervention's students (docs/domain.md: 2 absences in a row or 3 in
 * the intervention, or the district's own numbers), optionally only for some students.
 */
export async function flagsOf(
  tx: Tx,
  tenantId: string,
  settings: FollowUpSettings,
  scope: { interventionIds: string[]; studentIds?: string[] },
): Promise<Map<string, FollowUpFlag[]>> {
  const histories = await absenceHistories(tx, tenantId, {
    ...scope,
    minAbsences: Math.min(settings.consecutiveAbsences, settings.totalAbsences),
  });
  return new Map(
    [...histories].map(([interventionId, students]) => [
      interventionId,
      followUpFlags(Object.fromEntries(students), settings),
    ]),
  );
}
