import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { FollowUpList } from "@/components/attendance/follow-up-list";
import { describeSchedule } from "@/components/interventions/format";
import { buttonClasses } from "@/components/ui/button";
import { Card, TierBadge } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { TextLink } from "@/components/ui/text-link";
import { formatInstant } from "@/lib/domain/calendar/format";
import { canCreateIntervention, isStaff } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { listInterventions } from "@/lib/use-cases/interventions/list-interventions";
import { listFollowUps } from "@/lib/use-cases/sessions/list-follow-ups";
import { EvaluationRequestsPanel } from "./evaluation-requests-panel";
import { ExitPanel } from "./exit-panel";
import { FamilyRequestsPanel } from "./family-requests-panel";

export const metadata: Metadata = { title: "Dashboard" };

/** Whose groups the dashboard shows first: the ones a person plans or runs, or follows. */
const DASHBOARD_SCOPE = {
  specialist: {
    mine: true,
    title: "Your intervention groups",
    intro: "Groups you created or facilitate, with the next session of each.",
  },
  facilitator: {
    mine: true,
    title: "Your intervention groups",
    intro: "Groups you facilitate, with the next session of each.",
  },
  teacher: {
    mine: false,
    title: "Your students' intervention groups",
    intro: "Groups that students of your classes are in.",
  },
  admin: {
    mine: false,
    title: "Intervention groups in your district",
    intro: "The newest groups of the district, with the next session of each.",
  },
} as const;

export default async function DashboardPage() {
  const actor = await requireActor();
  if (!isStaff(actor)) redirect("/portal");
  const scope = DASHBOARD_SCOPE[actor.role as keyof typeof DASHBOARD_SCOPE];
  const [{ items }, followUps] = await Promise.all([
    listInterventions(contextFor(actor), { mine: scope.mine, limit: 50 }),
    listFollowUps(contextFor(actor)),
  ]);
  const active = items.filter((i) => i.status === "active" || i.status === "planned");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{scope.title}</h1>
          <p className="text-slate-700">{scope.intro}</p>
        </div>
        {canCreateIntervention(actor) ? (
          <Link href="/interventions/new" className={buttonClasses()}>
            New intervention
          </Link>
        ) : null}
      </div>

      <EvaluationRequestsPanel actor={actor} />

      <FamilyRequestsPanel actor={actor} />

      <ExitPanel actor={actor} />

      {active.length > 0 || followUps.followUps.length > 0 ? (
        <FollowUpList followUps={followUps.followUps} settings={followUps.settings} />
      ) : null}

      {active.length === 0 ? (
        <Card>
          <p className="text-slate-700">No active groups yet.</p>
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="Intervention groups">
          {active.map((group) => (
            <li key={group.id}>
              <Card className="h-full">
                <div className="flex items-start justify-between gap-2">
                  <h2 className="text-lg font-semibold">
                    <TextLink href={`/interventions/${group.id}`}>{group.name}</TextLink>
                  </h2>
                  <TierBadge tier={group.tier} />
                </div>
                <p className="text-sm text-slate-700">
                  {group.focusArea} · {describeSchedule(group.schedule)}
                </p>
                <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
                  <Stat term="Students" data-testid="enrolled-count">
                    {group.enrolledCount}
                  </Stat>
                  <Stat term="Sessions" data-testid="session-count">
                    {group.sessionCount}
                  </Stat>
                  <Stat term="Next session">
                    {group.nextSessionAt
                      ? formatInstant(group.nextSessionAt, actor.timeZone)
                      : "None left"}
                  </Stat>
                </dl>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
