import type { Metadata } from "next";
import Link from "next/link";
import { MonitoringPlanForm } from "@/components/progress/monitoring-plan-form";
import { NoteEditor } from "@/components/progress/note-editor";
import { NoteList } from "@/components/progress/note-list";
import { Card, TierBadge } from "@/components/ui/card";
import { formatDate } from "@/lib/domain/calendar/format";
import { isUuid } from "@/lib/domain/ids";
import { canManageIntervention } from "@/lib/domain/policy";
import { formatNumber } from "@/lib/domain/progress/format";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { getIntervention } from "@/lib/use-cases/interventions/get-intervention";
import { getMonitoringPlan } from "@/lib/use-cases/progress/get-monitoring-plan";
import { listInterventionNotes } from "@/lib/use-cases/progress/list-intervention-notes";
import { prepareNoteForm } from "@/lib/use-cases/progress/prepare-note-form";
import { addProgressNoteAction, setMonitoringPlanAction } from "./actions";

export const metadata: Metadata = { title: "Progress notes" };

async function load(id: string, studentId: string | undefined) {
  const actor = await requireActor();
  const ctx = contextFor(actor);
  const [{ access, intervention }, notes, form, plan] = await orNotFound(
    Promise.all([
      getIntervention(ctx, id),
      listInterventionNotes(ctx, id, { studentId }),
      prepareNoteForm(ctx, id),
      getMonitoringPlan(ctx, id),
    ]),
  );
  return { actor, access, intervention, notes: notes.items, form, plan };
}

export default async function InterventionNotesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ student?: string }>;
}) {
  const id = idParam((await params).id);
  const { student } = await searchParams;
  const studentId = isUuid(student) ? student : undefined;
  const { actor, intervention, notes, form, plan } = await load(id, studentId);
  const filteredName = studentId ? notes[0]?.studentName : undefined;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href={`/interventions/${id}`} className="text-sm text-brand-700 underline">
          ← {intervention.name}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold">Progress notes</h1>
          <TierBadge tier={intervention.tier} />
        </div>
        <p className="text-slate-700">
          {intervention.name} · {formatDate(intervention.startDate)} –{" "}
          {formatDate(intervention.endDate)}
        </p>
      </div>

      <Card aria-labelledby="plan-heading" className="space-y-3">
        <h2 id="plan-heading" className="text-lg font-semibold">
          Progress monitoring
        </h2>
        <p className="text-sm text-slate-700" data-testid="monitoring-plan">
          {plan.measureName
            ? `Measure: ${plan.measureName}${plan.measureUnit ? ` (${plan.measureUnit})` : ""}, ${plan.measureDirection === "lower" ? "lower" : "higher"} is better · Goal: ${plan.goalValue === null ? "not set" : formatNumber(plan.goalValue)}`
            : "No measure set yet: probe scores and the aim line need one."}
        </p>
        {canManageIntervention(actor) ? (
          <MonitoringPlanForm
            key={plan.version}
            interventionId={id}
            action={setMonitoringPlanAction}
            defaults={{
              measureName: plan.measureName ?? "",
              measureUnit: plan.measureUnit ?? "",
              measureDirection: plan.measureDirection,
              goalValue: plan.goalValue === null ? "" : String(plan.goalValue),
              version: plan.version,
            }}
          />
        ) : null}
      </Card>

      {form ? (
        <Card aria-labelledby="new-note-heading" className="space-y-3">
          <h2 id="new-note-heading" className="text-lg font-semibold">
            Write a progress note
          </h2>
          <NoteEditor
            interventionId={id}
            mode={{ kind: "create", action: addProgressNoteAction, students: form.students }}
            previous={form.previous}
            defaultMeasure={form.measure}
            defaults={{
              studentId:
                studentId && form.students.some((s) => s.id === studentId) ? studentId : "",
              date: form.today,
              observation: "",
              measure: {
                name: form.measure?.name ?? "",
                value: "",
                unit: form.measure?.unit ?? "",
              },
              nextSteps: "",
              progressRating: "",
              visibility: "team",
              reason: "",
              version: 1,
            }}
          />
        </Card>
      ) : null}

      <section aria-labelledby="notes-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="notes-heading" className="text-lg font-semibold">
            {filteredName ? `Notes on ${filteredName}` : "All notes you may read"}
          </h2>
          {studentId ? (
            <Link href={`/interventions/${id}/notes`} className="text-sm text-brand-700 underline">
              Show every student
            </Link>
          ) : null}
        </div>
        {form && form.students.length > 1 ? (
          <nav aria-label="Notes by student" className="flex flex-wrap gap-2 text-sm">
            {form.students.map((s) => (
              <Link
                key={s.id}
                href={`/interventions/${id}/notes?student=${s.id}`}
                aria-current={s.id === studentId ? "page" : undefined}
                className="rounded-full border border-slate-300 bg-white px-3 py-1.5 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50"
              >
                {s.name}
              </Link>
            ))}
          </nav>
        ) : null}
        <NoteList notes={notes} show="student" editable={form !== null} />
      </section>
    </div>
  );
}
