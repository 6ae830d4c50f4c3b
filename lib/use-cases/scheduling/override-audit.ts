import type { AuditEntry } from "@/db/queries/audit";
import type { acceptConflicts } from "@/lib/domain/scheduling/override";

/** The audit row of a schedule saved over its conflicts: what was overridden, and why. */
export function overrideAudit(
  interventionId: string,
  overridden: ReturnType<typeof acceptConflicts>,
): AuditEntry[] {
  if (!overridden) return [];
  return [
    {
      action: "schedule.conflicts_overridden",
      entityType: "intervention",
      entityId: interventionId,
      after: { conflicts: overridden.overriddenConflicts },
      reason: overridden.reason,
    },
  ];
}
