import { type LocalDate, type Weekday, weekdayOf } from "../calendar/dates";
import type { ClockTime } from "./clock-time";
import type { StudentBusyTime } from "./conflicts";
import { type BellPeriod, rotationDayOn, type SchoolRotation, sectionMeetings } from "./rotation";

/** What a student's day is made of at school: the time facts the conflict check reads. */
export interface StudentDayFacts {
  schools: readonly (SchoolRotation & { id: string; bellPeriods: readonly BellPeriod[] })[];
  students: readonly { id: string; schoolId: string; grade: number }[];
  sections: readonly {
    name: string;
    schoolId: string;
    periods: readonly string[];
    studentIds: readonly string[];
  }[];
  protectedBlocks: readonly {
    schoolId: string;
    grade: number | null;
    label: string;
    days: readonly Weekday[];
    startTime: ClockTime;
    endTime: ClockTime;
  }[];
  nonInstructionalDays: ReadonlySet<LocalDate>;
}

/**
 * When each student is in a class (their sections' periods on that day's rotation day) or in a
 * block their school protects for their grade, on each of the given dates (docs/domain.md,
 * "Time facts" and "Scheduling").
 */
export function studentBusyTimes(
  dates: readonly LocalDate[],
  facts: StudentDayFacts,
): StudentBusyTime[] {
  const busy: StudentBusyTime[] = [];
  const schoolOf = new Map(facts.schools.map((school) => [school.id, school]));
  for (const date of new Set(dates)) {
    if (facts.nonInstructionalDays.has(date)) continue;
    const weekday = weekdayOf(date);
    const dayTypeOf = new Map<string, string>();
    const dayType = (schoolId: string) => {
      let type = dayTypeOf.get(schoolId);
      if (type === undefined) {
        const school = schoolOf.get(schoolId);
        type = school ? rotationDayOn(date, school, facts.nonInstructionalDays) : "";
        dayTypeOf.set(schoolId, type);
      }
      return type;
    };
    for (const section of facts.sections) {
      const school = schoolOf.get(section.schoolId);
      if (!school || section.studentIds.length === 0) continue;
      const { meetings } = sectionMeetings(section.periods, school.bellPeriods, dayType(school.id));
      for (const meeting of meetings) {
        for (const studentId of section.studentIds) {
          busy.push({
            studentId,
            date,
            startTime: meeting.start,
            endTime: meeting.end,
            kind: "class",
            label: section.name,
          });
        }
      }
    }
    for (const block of facts.protectedBlocks) {
      if (!block.days.includes(weekday)) continue;
      for (const student of facts.students) {
        if (student.schoolId !== block.schoolId) continue;
        if (block.grade !== null && block.grade !== student.grade) continue;
        busy.push({
          studentId: student.id,
          date,
          startTime: block.startTime,
          endTime: block.endTime,
          kind: "protected",
          label: block.label,
        });
      }
    }
  }
  return busy;
}
