import type { Metadata } from "next";
import Link from "next/link";
import { AttendanceSummary } from "@/components/attendance/attendance-summary";
import { BudgetCard } from "@/components/interventions/budget-card";
import { EnrollStudentsForm } from "@/components/interventions/enroll-students-form";
import { describeSchedule, gradeLabel } from "@/components/interventions/format";
import { SaveAsTemplate } from "@/components/interventions/save-as-template";
import { Card, TierBadge } from "@/components/ui/card";
import { ColumnHeads } from "@/components/ui/column-heads";
import { nowMs } from "@/lib/clock";
import { formatDate, formatInstant } from "@/lib/domain/calendar/format";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { getInterventionDetail } from "@/lib/use-cases/interventions/get-intervention";
import { getAttendanceOverview } from "@/lib/use-cases/sessions/get-attendance-overview";
import { templateNameFor } from "@/lib/use-cases/templates/templates";
import { enrollStudentsAction, saveAsTemplateAction } from "./actions";

export const metadata: Metadata = { title: "Intervention" };

const SESSION_STATUS_LABELS = {
  scheduled: "Scheduled",
  held: "Held",
  cancelled: "Cancelled",
} as const;

async function load(id: string) {
  const actor = await requireActor();
  // Another district's group, or one the viewer has no tie to, does not exist for them.
  const [detail, attendance] = await orNotFound(
    Promise.all([
      getInterventionDetail(contextFor(actor), id),
      getAttendanceOverview(contextFor(actor), id),
    ]),
  );
  // The group remembers the template it started from (Scenario 10), named where the viewer sees it.
  const templateName = await templateNameFor(contextFor(actor), detail.intervention.templateId);
  return { actor, detail, attendance, templateName };
}

export default async function InterventionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; updated?: string }>;
}) {
  const id = idParam((await params).id);
  const { actor, detail, attendance, templateName } = await load(id);
  const { intervention, facilitators, roster, sessions } = detail;
  const madeUp = new Map(sessions.map((s) => [s.id, s.sequence]));
  const { created, updated } = await searchParams;
  // Those who manage the group edit it and enroll more students, while it still runs.
  const manages = detail.access === "manage";
  const open = intervention.status !== "completed" && intervention.status !== "cancelled";
  const now = nowMs();

  return (
    <div className="space-y-6">
      {created ? (
        <div
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-900"
        >
          Intervention created: {intervention.enrolledCount} students enrolled and{" "}
          {intervention.sessionCount} sessions scheduled.
        </div>
      ) : null}
      {updated && !created ? (
        <div
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-900"
        >
          Changes saved: {intervention.sessionCount} sessions scheduled.
        </div>
      ) : null}
      <div>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{intervention.name}</h1>
          <TierBadge tier={intervention.tier} />
          <span className="rounded-full bg-slate-200 px-2.5 py-0.5 text-xs font-semibold capitalize">
            {intervention.status}
          </span>
          {manages ? (
            <Link
              href={`/interventions/${id}/edit`}
              className="ml-auto inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-900 hover:bg-slate-100"
            >
              Edit
            </Link>
          ) : null}
        </div>
        <p className="text-slate-700">
          {intervention.focusArea} · {formatDate(intervention.startDate)} –{" "}
          {formatDate(intervention.endDate)} ({intervention.durationWeeks} weeks)
        </p>
        {templateName ? (
          <p className="text-sm text-slate-700" data-testid="started-from-template">
            Started from the template {templateName}.
          </p>
        ) : null}
      </div>

      <div className="grid gap-4 md:grid-cols-3">
        <Card>
          <h2 className="font-semibold">Schedule</h2>
          <p className="mt-1">{describeSchedule(intervention.schedule)}</p>
          <p className="text-sm text-slate-700">{intervention.frequency}</p>
        </Card>
        <Card>
          <h2 className="font-semibold">Facilitator{facilitators.length > 1 ? "s" : ""}</h2>
          <ul className="mt-1 space-y-1">
            {facilitators.map((f) => (
              <li key={f.id}>
                <span className="font-medium">{f.displayName}</span>
                {f.title ? <span className="text-sm text-slate-700"> · {f.title}</span> : null}
                {f.email ? (
                  <a className="block text-sm text-brand-700 underline" href={`mailto:${f.email}`}>
                    {f.email}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <h2 className="font-semibold">Goal</h2>
          <p className="mt-1">{intervention.goal ?? "No goal recorded yet."}</p>
        </Card>
      </div>

      {intervention.description ? (
        <Card>
          <h2 className="font-semibold">Purpose and strategies</h2>
          <p className="mt-1 whitespace-pre-line">{intervention.description}</p>
        </Card>
      ) : null}

      {intervention.budget ? <BudgetCard budget={intervention.budget} /> : null}

      {attendance ? (
        <>
          <p className="flex flex-wrap gap-x-4 text-sm">
            <Link
              href={`/interventions/${id}/notes`}
              className="font-medium text-brand-700 underline"
            >
              Progress notes, measure and goal
            </Link>
            {detail.access === "run" || detail.access === "manage" ? (
              <Link
                href={`/interventions/${id}/effectiveness`}
                className="font-medium text-brand-700 underline"
              >
                Effectiveness
              </Link>
            ) : null}
          </p>
          <AttendanceSummary {...attendance} />
        </>
      ) : null}

      <Card>
        <h2 className="text-lg font-semibold">
          {detail.access === "family"
            ? "Your child in this group"
            : `Students (${intervention.enrolledCount})`}
        </h2>
        <table className="mt-2 w-full text-left text-sm">
          <ColumnHeads
            columns={["Student", "Grade", "Enrolled"]}
            className="text-slate-600"
            cellClassName="py-2"
          />
          <tbody data-testid="roster">
            {roster.map((student) => (
              <tr key={student.enrollmentId} className="border-t border-slate-200">
                <td className="py-2 font-medium">
                  <Link
                    href={`/students/${student.studentId}/progress`}
                    className="text-brand-700 underline"
                  >
                    {student.firstName} {student.lastName}
                  </Link>
                  {student.isActive ? null : (
                    <span className="ml-2 text-xs text-slate-600">(exited)</span>
                  )}
                </td>
                <td className="py-2">{gradeLabel(student.grade)}</td>
                <td className="py-2">{formatDate(student.enrollmentDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {manages && open ? (
          <div className="mt-4">
            <EnrollStudentsForm action={enrollStudentsAction} interventionId={id} />
          </div>
        ) : null}
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">
          Session calendar ({intervention.sessionCount} sessions)
        </h2>
        <ol
          className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3"
          data-testid="session-calendar"
        >
          {sessions.map((session) => {
            const upcoming = session.status === "scheduled" && session.startsAt.getTime() > now;
            return (
              <li
                key={session.id}
                className={`rounded-md border px-3 py-2 text-sm ${upcoming ? "border-slate-200" : "border-slate-200 bg-slate-50 text-slate-600"}`}
              >
                {detail.access === "family" ? (
                  <span className="font-medium">#{session.sequence}</span>
                ) : (
                  <Link
                    href={`/sessions/${session.id}`}
                    className="font-medium text-brand-700 underline"
                  >
                    #{session.sequence}
                  </Link>
                )}{" "}
                {formatInstant(session.startsAt, actor.timeZone)} · {session.minutes} min ·{" "}
                {SESSION_STATUS_LABELS[session.status]}
                {session.cancellationReason ? ` (${session.cancellationReason})` : ""}
                {session.makeupForSessionId ? (
                  <span className="ml-1 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">
                    Make-up for #{madeUp.get(session.makeupForSessionId) ?? "?"}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      </Card>

      {detail.access === "manage" ? (
        <SaveAsTemplate
          action={saveAsTemplateAction}
          interventionId={id}
          defaultName={intervention.name}
        />
      ) : null}
    </div>
  );
}
