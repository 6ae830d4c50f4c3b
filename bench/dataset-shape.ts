/**
 * The shape of the benchmark's district (bench/dataset.ts builds it): its counts, which groups
 * meet when and with whom, and the ids rows are given, derived so rows can refer to each other
 * without lookups.
 */

import { createHash } from "node:crypto";
import { clockTimeAt, minutesOf } from "@/lib/domain/scheduling/clock-time";

/** The benchmark specialist's sign-in. */
export const BENCH_EMAIL = "bench-specialist@bench.example";
export const BENCH_PASSWORD = "bench-password-2025";
export const TIME_ZONE = "America/Chicago";

/**
 * `npm run bench -- --scale 10`: every count of the district ten times over (issue 15, point 6:
 * 500,000 students, 50,000 groups, 10 million marks), built in its own data folder.
 */
export const SCALE_FACTOR = scaleFactorOf(process.argv);

function scaleFactorOf(argv: readonly string[]): number {
  const at = argv.indexOf("--scale");
  if (at < 0) return 1;
  const factor = Number(argv[at + 1]);
  if (!Number.isInteger(factor) || factor < 1 || factor > 20) {
    throw new Error("--scale takes a whole number from 1 to 20, e.g. npm run bench -- --scale 10");
  }
  return factor;
}

/**
 * The shape of the district at scale 1: the counts the issue asks for, and a little more. At a
 * larger scale the people, rooms and groups multiply (a facilitator still runs 8 or 9 groups in
 * their own room, a student is still in three groups), so each request reads as much as before
 * from tables that many times bigger.
 */
export const SCALE = {
  schools: 20 * SCALE_FACTOR,
  teachers: 2_000 * SCALE_FACTOR,
  facilitators: 600 * SCALE_FACTOR,
  students: 50_000 * SCALE_FACTOR,
  interventions: 5_000 * SCALE_FACTOR,
  /** Interventions still running; their sessions up to today are left for the attendance runs. */
  activeInterventions: 300 * SCALE_FACTOR,
  studentsPerGroup: 6,
  weeks: 12,
  notesPerEnrollment: 7,
  /** Groups of one facilitator (and of their room) follow each other 40 minutes apart from 08:00. */
  firstStart: "08:00",
  slotMinutes: 40,
  sessionMinutes: 30,
} as const;

/**
 * Group k's time slot (at scale 1): the facilitators take groups 1..600, 601..1200, … in turn, so a
 * facilitator's groups (and their room's: each facilitator has a room of their own) are in
 * different slots, and a slot is a start time ("08:00" + slot × 40 minutes, the last one 13:20),
 * so none of their sessions overlap, whatever the weeks. A student's three groups are about
 * 1,667 and 3,333 groups apart (see the enrollments), two slots or more: never at the same time
 * either (ensureDataset checks both).
 */
export const slotOf = (k: number) => Math.floor((k - 1) / SCALE.facilitators);
export const startTimeOf = (k: number) =>
  clockTimeAt(minutesOf(SCALE.firstStart) + slotOf(k) * SCALE.slotMinutes);
/** The end of the dataset's latest session of the day, as minutes after midnight. */
export const LAST_SESSION_END =
  minutesOf(SCALE.firstStart) +
  slotOf(SCALE.interventions) * SCALE.slotMinutes +
  SCALE.sessionMinutes;

/** Group k's facilitator (and their room's) number, 1..600; the staff record is teachers + that. */
export const facilitatorOf = (k: number) => ((k - 1) % SCALE.facilitators) + 1;
/** The student numbers of group k, as the enrollments below place them. */
export const studentsOf = (k: number) =>
  Array.from(
    { length: SCALE.studentsPerGroup },
    (_, j) => ((((k - 1) * SCALE.studentsPerGroup + j) * 5) % SCALE.students) + 1,
  );

/**
 * md5-derived uuid of `name` and a number, the same in SQL (`uid` below) and here. The version
 * and variant digits are set to 4 and 8, as the API's strict uuid check (zod's RFC 9562) wants.
 */
export const id = (name: string, n: number | string) => {
  const hex = createHash("md5").update(`${name}${n}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
};

export const TENANT_ID = id("bench-district", 1);
export const SPECIALIST_STAFF_ID = id("staff", SCALE.teachers + 1);
export const SPECIALIST_USER_ID = id("user", 1);
