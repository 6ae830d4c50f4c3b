import Link from "next/link";
import { formatDate } from "@/lib/domain/calendar/format";
import type { TierHistoryEntry } from "@/lib/use-cases/tiers/tier-history";

export const DECISION_LABELS: Record<string, string> = {
  start: "Started",
  escalate: "Escalated",
  "step-down": "Stepped down",
  exit: "Exited",
  refer: "Referred for evaluation",
  "carry-over": "Carried over",
};

/**
 * A student's tier decisions, newest first: kind, tiers, justification, team, the reason to go
 * on at low fidelity, and the link to the data the decision rests on (staff only).
 */
export function TierHistoryList({ history }: { history: readonly TierHistoryEntry[] }) {
  return (
    <ol className="mt-2 space-y-3 text-sm">
      {[...history].reverse().map((t) => (
        <li key={t.id} className="border-l-2 border-slate-200 pl-3" data-testid="tier-decision">
          <p className="font-medium">
            {formatDate(t.date)}: {DECISION_LABELS[t.decision] ?? t.decision},{" "}
            {t.fromTier && t.fromTier !== t.toTier ? `Tier ${t.fromTier} → ` : ""}Tier {t.toTier}
            {t.interventionName ? ` · ${t.interventionName}` : ""}
          </p>
          <p className="text-slate-800">{t.justification}</p>
          {t.lowFidelityReason ? (
            <p className="text-amber-900">
              Went ahead at low fidelity because: {t.lowFidelityReason}
            </p>
          ) : null}
          {t.team.length > 0 ? (
            <p className="text-slate-700">
              Team: {t.team.map((m) => (m.role ? `${m.name} (${m.role})` : m.name)).join(", ")}
            </p>
          ) : null}
          {t.snapshotUrl ? (
            <Link href={t.snapshotUrl} className="text-brand-700 underline">
              The data at the time
            </Link>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
