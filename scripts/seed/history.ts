import type { ATTENDANCE_STATUSES, progressNotes, sessionAttendance } from "@/db/schema";
import { daysBetween, type LocalDate } from "@/lib/domain/calendar/dates";
import type { GroupPlan, StudentProgress } from "./plan";
import type { Rng } from "./random";

/** A session of the series that took place before the demo's "today". */
export interface PastSession {
  id: string;
  date: LocalDate;
  startsAt: Date;
  minutes: number;
}

export interface GroupHistoryRows {
  sessionNotes: Array<{ id: string; notes: string }>;
  attendance: (typeof sessionAttendance.$inferInsert)[];
  progressNotes: (typeof progressNotes.$inferInsert)[];
}

type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

const minutesAfter = (instant: Date, minutes: number) =>
  new Date(instant.getTime() + minutes * 60_000);

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * What the facilitator would have recorded so far: session notes, attendance marks (mostly
 * present, the planned absences, now and then a late arrival) and a progress probe with a note
 * every few sessions, the latest of each student shared with the family.
 */
export function groupHistory(
  rng: Rng,
  tenantId: string,
  interventionId: string,
  startDate: LocalDate,
  group: GroupPlan,
  past: readonly PastSession[],
): GroupHistoryRows {
  const { history } = group;
  const rows: GroupHistoryRows = { sessionNotes: [], attendance: [], progressNotes: [] };
  if (past.length === 0) return rows;

  const absent = new Set<string>();
  for (const { studentId, fromLatest } of history.absences) {
    const session = past[past.length - 1 - fromLatest];
    if (session) absent.add(`${session.id}/${studentId}`);
  }
  const planned = new Set(history.absences.map((a) => a.studentId));
  if (history.randomAbsences) {
    for (const studentId of group.input.studentIds) {
      if (planned.has(studentId) || !rng.chance(0.35)) continue;
      // Never the latest session: a single absence must not look like the start of a streak.
      const session = past[rng.int(0, Math.max(0, past.length - 2))];
      if (session && past.length > 1) absent.add(`${session.id}/${studentId}`);
    }
  }

  past.forEach((session, index) => {
    if (history.sessionNotes.length > 0) {
      rows.sessionNotes.push({
        id: session.id,
        notes: history.sessionNotes[index % history.sessionNotes.length]!,
      });
    }
    const recordedAt = minutesAfter(session.startsAt, session.minutes);
    for (const studentId of group.input.studentIds) {
      let status: AttendanceStatus = "present";
      if (absent.has(`${session.id}/${studentId}`)) status = "absent";
      else if (rng.chance(0.03)) status = "tardy";
      else if (rng.chance(0.01)) status = "excused";
      rows.attendance.push({
        tenantId,
        id: rng.uuid(),
        sessionId: session.id,
        studentId,
        status,
        recordedAt,
        recordedBy: group.recorderUserId,
      });
    }
  });

  const statusOf = new Map(rows.attendance.map((a) => [`${a.sessionId}/${a.studentId}`, a.status]));
  const probes = past.filter((_, index) => index % history.probeEvery === 0);
  for (const student of history.students) {
    const attended = probes.filter(
      (s) => statusOf.get(`${s.id}/${student.studentId}`) !== "absent",
    );
    attended.forEach((session, index) => {
      rows.progressNotes.push(
        progressNote(
          rng,
          tenantId,
          interventionId,
          startDate,
          group,
          student,
          session,
          index,
          attended.length,
        ),
      );
    });
  }
  return rows;
}

function progressNote(
  rng: Rng,
  tenantId: string,
  interventionId: string,
  startDate: LocalDate,
  group: GroupPlan,
  student: StudentProgress,
  session: PastSession,
  index: number,
  count: number,
): typeof progressNotes.$inferInsert {
  const { history } = group;
  const weeks = daysBetween(startDate, session.date) / 7;
  const value = student.range
    ? student.range[0] +
      (count > 1 ? ((student.range[1] - student.range[0]) * index) / (count - 1) : 0)
    : student.baseline + student.weeklyGain * weeks + student.noise * (2 * rng.next() - 1);
  const measureValue = round(Math.max(0, value), student.decimals);
  const first = index === 0;
  const last = index === count - 1 && count > 1;
  const observation =
    last && student.finalNote
      ? student.finalNote.observation
      : first
        ? `Baseline probe: ${student.firstName} scored ${measureValue} (${student.measureUnit}).`
        : rng.pick(history.observations).replaceAll("{name}", student.firstName);
  const nextSteps =
    last && student.finalNote
      ? student.finalNote.nextSteps
      : first
        ? null
        : rng.pick(history.nextSteps);
  return {
    tenantId,
    id: rng.uuid(),
    interventionId,
    studentId: student.studentId,
    noteDate: session.date,
    observation,
    measureName: student.measureName,
    measureValue,
    measureUnit: student.measureUnit,
    nextSteps,
    progressRating: first ? null : student.rating,
    visibility: last ? "family" : index % 3 === 1 ? "teachers" : "team",
    createdBy: group.recorderUserId,
    createdAt: minutesAfter(session.startsAt, session.minutes + 5),
  };
}
