/**
 * The requests the benchmarks send, shared by `npm run bench` (closed loop, one scenario at a
 * time) and `npm run bench:mixed` (open loop, every kind mixed): each builder answers the next
 * request of its kind against the dataset of bench/dataset.ts.
 */
import { randomUUID } from "node:crypto";
import { addDays, weekdayOf } from "@/lib/domain/calendar/dates";
import { id, SCALE, studentsOf } from "./dataset-shape";
import type { Scenario } from "./measure";
import { checkPlan, createPlan, type PoolSession, studentsWithHistory } from "./run-state";

/** Groups the create requests add are named so; removeCreatedGroups finds them by it. */
export const CREATED_PREFIX = "Bench created ";
const NOTES = "Focused on phonics blends. Emma and Noah showed great progress.";

/** The first Monday after `today`: created groups start there. */
export function nextMonday(today: string): string {
  let day = addDays(today, 1);
  while (weekdayOf(day) !== "MO") day = addDays(day, 1);
  return day;
}

/** A new group of 6 students a request, conflict-free by construction (createPlan). */
export function createScenario(startDate: string): Scenario {
  let creates = 0;
  return {
    name: "create intervention (6 students)",
    method: "POST",
    next: () => {
      const n = ++creates;
      // A facilitator and six students that change with every request, at a time none of
      // them is busy (createPlan): a 409 would be counted as a failure like any non-2xx.
      return {
        path: "/api/v1/interventions",
        headers: { "idempotency-key": randomUUID() },
        body: JSON.stringify({
          name: `${CREATED_PREFIX}${n}`,
          tier: 2,
          focusArea: "Reading Fluency",
          ...createPlan(n, startDate),
        }),
      };
    },
  };
}

export interface AttendanceScenario extends Scenario {
  /** The sessions to record from now on (resetAttendancePool's answer), from the first. */
  load: (pool: PoolSession[]) => void;
  /** True once a session was sent twice: later requests are second saves, not first ones. */
  wrapped: () => boolean;
  poolSize: () => number;
}

/** Six marks and session notes, the first save of a different session of the pool each time. */
export function attendanceScenario(): AttendanceScenario {
  let pool: PoolSession[] = [];
  let sent = 0;
  return {
    name: "record attendance (6 students + notes)",
    method: "POST",
    load: (sessions) => {
      pool = sessions;
      sent = 0;
    },
    wrapped: () => sent > pool.length,
    poolSize: () => pool.length,
    next: () => {
      const session = pool[sent++ % pool.length];
      if (!session) throw new Error("The attendance pool is empty: load it first");
      return {
        path: `/api/v1/sessions/${session.id}/attendance`,
        headers: { "idempotency-key": randomUUID() },
        body: JSON.stringify({
          records: session.studentIds.map((studentId, i) => ({
            studentId,
            status: i % 3 === 2 ? "absent" : "present",
          })),
          notes: NOTES,
        }),
      };
    },
  };
}

/** Students in three groups over the year, in a spread order. */
function historyStudentCycle(): () => string {
  const students = studentsWithHistory();
  let n = 0;
  return () => students[(++n * 13) % students.length] as string;
}

/** The conflict check of issue 10: a semester for a busy facilitator, room and students. */
export function checkScenario(today: string, clash: boolean): Scenario {
  let n = 0;
  return {
    name: `conflict check (${clash ? "with conflicts" : "free"})`,
    method: "POST",
    next: () => ({
      path: "/api/v1/schedule/check",
      body: JSON.stringify(checkPlan(n++, today, clash).body),
    }),
  };
}

/** The progress chart's data of a student with a year of history. */
export function progressScenario(): Scenario {
  const nextStudent = historyStudentCycle();
  return {
    name: "progress chart data",
    method: "GET",
    next: () => ({ path: `/api/v1/students/${nextStudent()}/progress` }),
  };
}

/** The student page (server-rendered HTML) of a student with a year of history. */
export function studentPageScenario(): Scenario {
  const nextStudent = historyStudentCycle();
  return {
    name: "student page",
    method: "GET",
    next: () => ({ path: `/students/${nextStudent()}` }),
  };
}

/** A progress note on a student of a running group (the dataset's last 300), dated today. */
export function noteScenario(today: string): Scenario {
  const firstActive = SCALE.interventions - SCALE.activeInterventions + 1;
  let n = 0;
  return {
    name: "add progress note",
    method: "POST",
    next: () => {
      const k = firstActive + (n % SCALE.activeInterventions);
      const student = studentsOf(k)[Math.floor(n / SCALE.activeInterventions) % 6] as number;
      n += 1;
      return {
        path: `/api/v1/interventions/${id("intervention", k)}/notes`,
        headers: { "idempotency-key": randomUUID() },
        body: JSON.stringify({
          studentId: id("student", student),
          date: today,
          observation: NOTES,
          progressRating: "expected",
        }),
      };
    },
  };
}
