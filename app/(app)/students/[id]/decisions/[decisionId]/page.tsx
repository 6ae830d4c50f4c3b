import type { Metadata } from "next";
import { DecisionSnapshotView } from "@/components/tiers/decision-snapshot";
import { DECISION_LABELS } from "@/components/tiers/tier-history";
import { Card } from "@/components/ui/card";
import { BackLink } from "@/components/ui/text-link";
import { formatDate } from "@/lib/domain/calendar/format";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { getTierDecision } from "@/lib/use-cases/tiers/get-tier-decision";

export const metadata: Metadata = { title: "Tier decision" };

/**
 * One tier decision with the data it rests on, exactly as stored when it was taken (the chart
 * is drawn from the stored numbers). Staff who may see the student; others get not found.
 */
export default async function TierDecisionPage({
  params,
}: {
  params: Promise<{ id: string; decisionId: string }>;
}) {
  const { id, decisionId } = await params;
  const actor = await requireActor();
  const { student, decision, snapshot, gated } = await orNotFound(
    getTierDecision(contextFor(actor), idParam(id), idParam(decisionId)),
  );
  const name = `${student.firstName} ${student.lastName}`;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <BackLink href={`/students/${student.id}`}>← {name}</BackLink>
        <h1 className="text-2xl font-bold">
          {name}: {DECISION_LABELS[decision.decision] ?? decision.decision},{" "}
          {decision.fromTier ? `Tier ${decision.fromTier} → ` : ""}Tier {decision.toTier}
        </h1>
        <p className="text-slate-700">
          Decided on {formatDate(decision.date)}
          {decision.decidedByName ? `, recorded by ${decision.decidedByName}` : ""}.
        </p>
      </div>
      <Card>
        <h2 className="text-lg font-semibold">Justification</h2>
        <p data-testid="decision-justification">{decision.justification}</p>
        {decision.lowFidelityReason ? (
          <p className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-950">
            {gated ? "Fidelity was below 80 %; the team went ahead because: " : "Reason given: "}
            {decision.lowFidelityReason}
          </p>
        ) : null}
        <h3 className="mt-3 font-semibold">Team</h3>
        {decision.team.length === 0 ? (
          <p className="text-sm text-slate-700">No team members were recorded.</p>
        ) : (
          <ul className="text-sm" data-testid="decision-team">
            {decision.team.map((m) => (
              <li key={`${m.staffId ?? ""}-${m.name}-${m.role}`}>
                {m.name}
                {m.role ? `, ${m.role}` : ""}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <h2 className="text-xl font-semibold">The data at the time</h2>
      {snapshot ? (
        <DecisionSnapshotView snapshot={snapshot} studentName={name} />
      ) : (
        <Card>
          <p className="text-slate-700">
            This decision was recorded before snapshots were kept: no data was stored with it.
          </p>
        </Card>
      )}
    </div>
  );
}
