import type { Metadata } from "next";
import Link from "next/link";
import { AttendanceSummary } from "@/components/attendance/attendance-summary";
import { AttendanceTaker } from "@/components/attendance/attendance-taker";
import { fullName, percent } from "@/components/attendance/format";
import { SessionActions } from "@/components/attendance/session-actions";
import { Card, TierBadge } from "@/components/ui/card";
import { formatDate, formatInstant, formatTime } from "@/lib/domain/calendar/format";
import { mayRunSessions } from "@/lib/domain/policy";
import { ATTENDANCE_STATUS_LABELS } from "@/lib/domain/sessions/schemas";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { getSession } from "@/lib/use-cases/sessions/get-session";
import { addMakeupSessionAction, cancelSessionAction, rescheduleSessionAction } from "./actions";

export const metadata: Metadata = { title: "Session" };

async function load(id: string) {
  const actor = await requireActor();
  // Another district's session, or one of a group the viewer has no tie to, does not exist.
  return orNotFound(getSession(contextFor(actor), id));
}

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam((await params).id);
  const page = await load(id);
  const { session, intervention, roster, timeZone } = page;
  const names = Object.fromEntries(roster.map((s) => [s.studentId, fullName(s)]));
  const runs = mayRunSessions(page.access);

  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <Link href="/sessions" className="text-sm text-brand-700 underline">
          ← Today's sessions
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold">{intervention.name}</h1>
          <TierBadge tier={intervention.tier} />
        </div>
        <p className="text-slate-700">
          Session {session.sequence}
          {session.isMakeup ? " (make-up)" : ""} · {formatDate(session.date)} ·{" "}
          {formatTime(session.startsAt, timeZone)} · {session.minutes} min
        </p>
        <p className="text-sm">
          <Link href={`/interventions/${intervention.id}`} className="text-brand-700 underline">
            Group page
          </Link>
          {runs ? (
            <>
              {" · "}
              <Link
                href={`/interventions/${intervention.id}/notes`}
                className="text-brand-700 underline"
              >
                Progress notes
              </Link>
            </>
          ) : null}
        </p>
      </div>

      {session.status === "cancelled" ? (
        <div role="status" className="rounded-md border border-slate-300 bg-slate-100 p-3">
          This session was cancelled
          {session.cancellationReason ? `: ${session.cancellationReason}` : "."}
        </div>
      ) : null}

      {page.recorded ? (
        <p className="text-sm text-slate-700" data-testid="session-rate">
          Attendance {percent(page.attendanceRate)} · last saved{" "}
          {formatInstant(page.recorded.at, timeZone)}
          {page.recorded.byName ? ` by ${page.recorded.byName}` : ""}
        </p>
      ) : null}

      {page.canRecord ? (
        <AttendanceTaker
          sessionId={session.id}
          roster={roster}
          measure={page.measure}
          initialNotes={session.notes ?? ""}
          saved={session.status === "held"}
          names={names}
        />
      ) : (
        <Card>
          <h2 className="text-lg font-semibold">Roster</h2>
          {runs && session.status === "scheduled" ? (
            <p className="text-sm text-slate-700">
              Attendance can be taken from {formatDate(session.date)}.
            </p>
          ) : null}
          <ul className="mt-2 divide-y divide-slate-200" aria-label="Roster">
            {roster.map((student) => (
              <li key={student.studentId} className="flex justify-between gap-2 py-2">
                <span className="font-medium">{fullName(student)}</span>
                <span className="text-slate-700">
                  {student.status ? ATTENDANCE_STATUS_LABELS[student.status] : "Not marked"}
                  {student.probeScore !== null && page.measure
                    ? ` · ${student.probeScore} ${page.measure.unit ?? ""}`
                    : ""}
                </span>
              </li>
            ))}
          </ul>
          {session.notes ? (
            <p className="mt-3 whitespace-pre-line text-sm">{session.notes}</p>
          ) : null}
        </Card>
      )}

      {runs ? (
        <Card>
          <h2 className="text-lg font-semibold">Students' progress</h2>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {roster.map((student) => (
              <li key={student.studentId}>
                <Link
                  href={`/students/${student.studentId}/progress`}
                  className="text-brand-700 underline"
                >
                  {fullName(student)}
                  {page.flaggedStudentIds.includes(student.studentId) ? " (follow up)" : ""}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <AttendanceSummary
        counts={page.group.counts}
        attendanceRate={page.group.attendanceRate}
        delivery={page.group.delivery}
        fidelity={page.group.fidelity}
      />

      {page.canChangeSchedule || (runs && session.status === "cancelled") ? (
        <SessionActions
          sessionId={session.id}
          interventionId={intervention.id}
          status={session.status}
          date={session.date}
          startTime={intervention.startTime}
          today={page.today}
          cancelAction={cancelSessionAction}
          rescheduleAction={rescheduleSessionAction}
          makeupAction={addMakeupSessionAction}
        />
      ) : null}
    </div>
  );
}
