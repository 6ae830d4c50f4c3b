import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CaseloadTable } from "@/components/effectiveness/caseload-table";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { formatDate } from "@/lib/domain/calendar/format";
import { ON_TRACK_CHANCE, UNLIKELY_CHANCE } from "@/lib/domain/effectiveness";
import { isManager } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { caseload } from "@/lib/use-cases/progress/caseload";

export const metadata: Metadata = { title: "Caseload" };

const whole = (rate: number) => `${Math.round(rate * 100)}%`;

/**
 * Issue 12, item 2: the specialist's students across the groups they created or facilitate.
 * Other roles get a 404, as for the admin pages: the caseload use-case refuses them anyway.
 */
export default async function CaseloadPage() {
  const actor = await requireActor();
  if (!isManager(actor)) notFound();
  const { today, rows } = await caseload(contextFor(actor));
  const students = new Set(rows.map((r) => r.studentId)).size;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Caseload</h1>
        <p className="max-w-3xl text-slate-700">
          Your students in the active groups you created or facilitate, as of {formatDate(today)}:
          each one's chance of reaching the group's goal by its end date, and the group's next
          decision.
        </p>
      </div>
      <Card className="space-y-3">
        <p data-testid="caseload-count">
          <span className="font-semibold">{students}</span> student{students === 1 ? "" : "s"} in{" "}
          <span className="font-semibold">{new Set(rows.map((r) => r.group.id)).size}</span> groups
        </p>
        <p className="text-sm text-slate-700">
          On track: a chance of {whole(ON_TRACK_CHANCE)} or more; at risk: from{" "}
          {whole(UNLIKELY_CHANCE)}; unlikely: below. The chance needs the group's measure and goal
          and at least 4 scores. The midpoint review is due by the middle day of the group; after
          it, the end-of-intervention decision by its end date.
        </p>
        {rows.length === 0 ? (
          <p className="text-slate-700">
            No student yet. <TextLink href="/interventions/new">Create an intervention</TextLink> to
            start one.
          </p>
        ) : (
          <CaseloadTable rows={rows} />
        )}
      </Card>
    </div>
  );
}
