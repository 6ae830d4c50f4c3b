import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EffectivenessDashboard } from "@/components/effectiveness/effectiveness-dashboard";
import { Card, TierBadge } from "@/components/ui/card";
import { BackLink, TextLink } from "@/components/ui/text-link";
import { formatDate } from "@/lib/domain/calendar/format";
import { ForbiddenError, UnprocessableError } from "@/lib/domain/errors";
import { canManageIntervention, mayRunSessions } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { getIntervention } from "@/lib/use-cases/interventions/get-intervention";
import { getEffectivenessDashboard } from "@/lib/use-cases/progress/get-effectiveness";

export const metadata: Metadata = { title: "Effectiveness" };

/**
 * The dashboard is for the group's team, specialists and admins (getEffectiveness refuses the
 * rest: it names students). A teacher or parent tied to the group gets the same 404 as an
 * outsider, as the admin pages do, rather than learning the page exists.
 */
async function load(id: string) {
  const actor = await requireActor();
  const ctx = contextFor(actor);
  const { access, intervention } = await orNotFound(getIntervention(ctx, id));
  if (!mayRunSessions(access)) notFound();
  const outcome = await orNotFound(
    getEffectivenessDashboard(ctx, id).then(
      (data) => ({ kind: "ready" as const, data }),
      (error: unknown) => {
        // No measure or goal yet: the page says where to set them instead of failing.
        if (error instanceof UnprocessableError) return { kind: "no-goal" as const };
        if (error instanceof ForbiddenError) return { kind: "forbidden" as const };
        throw error;
      },
    ),
  );
  if (outcome.kind === "forbidden") notFound();
  return { actor, intervention, outcome };
}

export default async function EffectivenessPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam((await params).id);
  const { actor, intervention, outcome } = await load(id);

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <BackLink href={`/interventions/${id}`}>← {intervention.name}</BackLink>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold">Effectiveness</h1>
          <TierBadge tier={intervention.tier} />
        </div>
        <p className="text-slate-700">
          {intervention.name} · {formatDate(intervention.startDate)} –{" "}
          {formatDate(intervention.endDate)}
          {outcome.kind === "ready" ? ` · as of ${formatDate(outcome.data.today)}` : ""}
        </p>
      </div>
      {outcome.kind === "ready" ? (
        <EffectivenessDashboard
          data={outcome.data}
          interventionId={id}
          canDecideTier={canManageIntervention(actor)}
        />
      ) : (
        <Card aria-labelledby="no-goal-heading" data-testid="no-goal">
          <h2 id="no-goal-heading" className="text-lg font-semibold">
            Set the group's measure and goal first
          </h2>
          <p className="mt-1 text-slate-700">
            Effectiveness is measured against them: the aim line, the projection and the
            recommendation all need the measure the group is monitored on and its goal at the end
            date.
          </p>
          <p className="mt-2">
            <TextLink
              href={`/interventions/${id}/notes#plan-heading`}
              className="font-medium underline"
            >
              Set the measure and goal on the group's progress page
            </TextLink>
          </p>
        </Card>
      )}
    </div>
  );
}
