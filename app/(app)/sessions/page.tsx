import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { percent } from "@/components/attendance/format";
import { Card, TierBadge } from "@/components/ui/card";
import { ratio } from "@/lib/domain/attendance";
import { formatDate, formatDaySoon, formatTime } from "@/lib/domain/calendar/format";
import { isStaff } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { listTodaysSessions } from "@/lib/use-cases/sessions/list-todays-sessions";

export const metadata: Metadata = { title: "Today's sessions" };

type Listed = Awaited<ReturnType<typeof listTodaysSessions>>["sessions"][number];

function SessionCard({ session, timeZone }: { session: Listed; timeZone: string }) {
  const taken = session.markCount > 0;
  const state =
    session.status === "cancelled"
      ? "Cancelled"
      : taken
        ? `Attendance taken · ${percent(ratio(session.attendedCount, session.countedCount))}`
        : "Attendance not taken yet";
  return (
    <li>
      <Link
        href={`/sessions/${session.id}`}
        className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
        aria-label={`${session.interventionName}, ${formatTime(session.startsAt, timeZone)}: ${state}`}
      >
        <div className="flex items-start justify-between gap-2">
          <span className="text-lg font-semibold text-brand-700">{session.interventionName}</span>
          <TierBadge tier={session.tier} />
        </div>
        <p className="text-sm text-slate-700">
          {formatDate(session.date)} · {formatTime(session.startsAt, timeZone)} · {session.minutes}{" "}
          min{session.roomName ? ` · ${session.roomName}` : ""} · {session.enrolledCount} students
        </p>
        <p
          className={`mt-1 text-sm font-medium ${session.status === "cancelled" ? "text-slate-600" : taken ? "text-emerald-800" : "text-amber-800"}`}
        >
          {state}
        </p>
      </Link>
    </li>
  );
}

/** The facilitator's day: one tap from here to each session's attendance taker. */
export default async function TodaysSessionsPage() {
  const actor = await requireActor();
  if (!isStaff(actor)) redirect("/portal");
  const { today, timeZone, sessions, overdue, nextDay } = await listTodaysSessions(
    contextFor(actor),
  );

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Today's sessions</h1>
        <p className="text-slate-700">{formatDate(today)}</p>
      </div>
      {sessions.length === 0 ? (
        <Card>
          <p className="text-slate-700">
            {nextDay
              ? `No sessions today — next: ${formatDaySoon(nextDay)}.`
              : "No sessions today, and none planned."}
          </p>
        </Card>
      ) : (
        <ul className="space-y-3" aria-label="Today's sessions">
          {sessions.map((session) => (
            <SessionCard key={session.id} session={session} timeZone={timeZone} />
          ))}
        </ul>
      )}
      {overdue.length > 0 ? (
        <section aria-labelledby="overdue-heading" className="space-y-3">
          <h2 id="overdue-heading" className="text-lg font-semibold">
            Earlier sessions still waiting for attendance
          </h2>
          <ul className="space-y-3">
            {overdue.map((session) => (
              <SessionCard key={session.id} session={session} timeZone={timeZone} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
