import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { LocalDate, Weekday } from "@/lib/domain/calendar/dates";
import type { ClockTime } from "@/lib/domain/scheduling/clock-time";
import type { AbsenceKind, ProtectedBlockKind } from "@/lib/domain/scheduling/kinds";
import type { BellPeriod } from "@/lib/domain/scheduling/rotation";
import type { Tx } from "../../client";
import { nonInstructionalDays, sectionStudents, sections, students } from "../../schema";
import { tenantJoin } from "../tenant-join";
import { bellPeriodsOf, schoolRotations } from "./bell-schedule";
import { protectedBlocksOf } from "./school-blocks";
import { absencesOf, staffForTimeFacts, workingHoursOf } from "./staff-time";

/**
 * The time facts a schedule check needs (docs/domain.md, "Time facts"), for the schools, staff
 * and students of a planned group, in one read over the caller's transaction. Pair it with
 * lib/domain/scheduling/rotation.ts: `rotationDayOn(date, school, nonInstructionalDays)` names
 * a date's rotation day, `sectionMeetings(section.periods, school.bellPeriods, day)` when a
 * section meets that day.
 */

export interface ScheduleTimeFactsQuery {
  schoolIds?: readonly string[];
  staffIds?: readonly string[];
  studentIds?: readonly string[];
  /** The dates checked, inclusive (YYYY-MM-DD); absences are those touching them. */
  from: LocalDate;
  to: LocalDate;
}

export interface TimeFactsSchool {
  id: string;
  name: string;
  /** Rotation day names in order; empty when every day is alike. */
  dayRotation: string[];
  rotationStartsOn: LocalDate | null;
  bellPeriods: BellPeriod[];
}

export interface TimeFactsProtectedBlock {
  id: string;
  schoolId: string;
  /** null: the whole school. */
  grade: number | null;
  kind: ProtectedBlockKind;
  label: string;
  days: Weekday[];
  startTime: ClockTime;
  endTime: ClockTime;
}

export interface TimeFactsSection {
  id: string;
  name: string;
  schoolId: string;
  /** OneRoster `periods` labels; their times are the school's bell periods. */
  periods: string[];
  /** The asked-for students on its roster (not the whole roster). */
  studentIds: string[];
}

export interface TimeFactsAbsence {
  id: string;
  kind: AbsenceKind;
  startsOn: LocalDate;
  endsOn: LocalDate;
  /** Both null: whole days. */
  startTime: ClockTime | null;
  endTime: ClockTime | null;
}

export interface TimeFactsStaff {
  id: string;
  name: string;
  /** Working hours by weekday; null when none are recorded (hours are then not checked). */
  workingHours: Partial<Record<Weekday, { startTime: ClockTime; endTime: ClockTime }>> | null;
  /** Absences touching [from, to]. */
  absences: TimeFactsAbsence[];
  caseloadCap: number | null;
}

export interface ScheduleTimeFacts {
  /** The asked-for schools and those of the students and their sections. */
  schools: TimeFactsSchool[];
  /** The district's non-instructional days up to `to` (rotation days count past them). */
  nonInstructionalDays: LocalDate[];
  /** Protected blocks of those schools. */
  protectedBlocks: TimeFactsProtectedBlock[];
  students: { id: string; schoolId: string; grade: number }[];
  sections: TimeFactsSection[];
  staff: TimeFactsStaff[];
}

export async function scheduleTimeFacts(
  tx: Tx,
  tenantId: string,
  query: ScheduleTimeFactsQuery,
): Promise<ScheduleTimeFacts> {
  const studentIds = [...new Set(query.studentIds ?? [])];
  const staffIds = [...new Set(query.staffIds ?? [])];
  // Everything that needs no school goes out at once (prepared, decision 0030); the
  // schools' calendars follow, for the schools of the students and their sections.
  const noStudents = Promise.resolve([]);
  const [studentRows, roster, days, staffRows, hours, absences] = await Promise.all([
    studentIds.length === 0
      ? noStudents
      : tx
          .select({ id: students.id, schoolId: students.schoolId, grade: students.grade })
          .from(students)
          .where(and(eq(students.tenantId, tenantId), inArray(students.id, studentIds))),
    studentIds.length === 0
      ? noStudents
      : tx
          .select({
            id: sections.id,
            name: sections.name,
            schoolId: sections.schoolId,
            periods: sections.periods,
            studentId: sectionStudents.studentId,
          })
          .from(sectionStudents)
          .innerJoin(sections, tenantJoin(sections.id, sectionStudents.sectionId))
          .where(
            and(
              eq(sectionStudents.tenantId, tenantId),
              inArray(sectionStudents.studentId, studentIds),
            ),
          )
          .orderBy(asc(sections.name)),
    tx
      .select({ day: nonInstructionalDays.day })
      .from(nonInstructionalDays)
      .where(
        and(eq(nonInstructionalDays.tenantId, tenantId), lte(nonInstructionalDays.day, query.to)),
      )
      .orderBy(asc(nonInstructionalDays.day)),
    staffForTimeFacts(tx, tenantId, staffIds),
    workingHoursOf(tx, tenantId, staffIds),
    absencesOf(tx, tenantId, { staffIds, from: query.from, to: query.to }),
  ]);
  const sectionsById = new Map<string, TimeFactsSection>();
  for (const row of roster) {
    const section = sectionsById.get(row.id);
    if (section) section.studentIds.push(row.studentId);
    else
      sectionsById.set(row.id, {
        id: row.id,
        name: row.name,
        schoolId: row.schoolId,
        periods: row.periods,
        studentIds: [row.studentId],
      });
  }
  const schoolIds = [
    ...new Set([
      ...(query.schoolIds ?? []),
      ...studentRows.map((s) => s.schoolId),
      ...roster.map((s) => s.schoolId),
    ]),
  ];
  const [schoolRows, periods, blocks] = await Promise.all([
    schoolRotations(tx, tenantId, schoolIds),
    bellPeriodsOf(tx, tenantId, schoolIds),
    protectedBlocksOf(tx, tenantId, schoolIds),
  ]);
  return {
    schools: schoolRows.map((school) => ({
      id: school.id,
      name: school.name,
      dayRotation: school.dayRotation,
      rotationStartsOn: school.rotationStartsOn,
      bellPeriods: periods
        .filter((p) => p.schoolId === school.id)
        .map(({ dayType, label, startTime, endTime }) => ({ dayType, label, startTime, endTime })),
    })),
    nonInstructionalDays: days.map((d) => d.day),
    protectedBlocks: blocks.map((block) => ({ ...block, days: block.days as Weekday[] })),
    students: studentRows,
    sections: [...sectionsById.values()],
    staff: staffRows.map((person) => {
      const week = hours.filter((h) => h.staffId === person.id);
      return {
        id: person.id,
        name: person.displayName,
        workingHours:
          week.length === 0
            ? null
            : Object.fromEntries(
                week.map((h) => [h.weekday, { startTime: h.startTime, endTime: h.endTime }]),
              ),
        absences: absences
          .filter((a) => a.staffId === person.id)
          .map(({ id, kind, startsOn, endsOn, startTime, endTime }) => ({
            id,
            kind,
            startsOn,
            endsOn,
            startTime,
            endTime,
          })),
        caseloadCap: person.caseloadCap,
      };
    }),
  };
}
