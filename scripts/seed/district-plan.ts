/** A demo district as plain rows, ready to insert, with the intervention groups to create in it. */

import type {
  assessmentResults,
  assessments,
  districts,
  guardians,
  nonInstructionalDays,
  rooms,
  schools,
  schoolYears,
  sectionStudents,
  sections,
  staff,
  studentGuardians,
  students,
  users,
} from "@/db/schema";
import type { LocalDate } from "@/lib/domain/calendar/dates";
import type { SchoolYear } from "./calendar";
import type { GroupPlan } from "./group-plan";

export type Scale = "full" | "small";

export interface DistrictPlan {
  tenantId: string;
  slug: string;
  timeZone: string;
  district: typeof districts.$inferInsert;
  schools: (typeof schools.$inferInsert)[];
  rooms: (typeof rooms.$inferInsert)[];
  staff: (typeof staff.$inferInsert)[];
  students: (typeof students.$inferInsert)[];
  guardians: (typeof guardians.$inferInsert)[];
  studentGuardians: (typeof studentGuardians.$inferInsert)[];
  sections: (typeof sections.$inferInsert)[];
  sectionStudents: (typeof sectionStudents.$inferInsert)[];
  nonInstructionalDays: (typeof nonInstructionalDays.$inferInsert)[];
  /** The seed's school year and the next, entered ahead (the year-end rollover's). */
  schoolYears: (typeof schoolYears.$inferInsert)[];
  /** Each school year's quarters, by the year's label (its id is the database's). */
  reportingPeriods: { yearLabel: string; name: string; endsOn: LocalDate }[];
  assessments: (typeof assessments.$inferInsert)[];
  assessmentResults: (typeof assessmentResults.$inferInsert)[];
  users: (typeof users.$inferInsert)[];
  groups: GroupPlan[];
}

export interface FamilyPlan {
  language: "en" | "es";
  guardians: Array<{ firstName: string; lastName: string; relationship: string; email?: string }>;
}

export type Band = "tier1" | "tier2" | "tier3";

export interface PlanOptions {
  today: LocalDate;
  year: SchoolYear;
  scale: Scale;
  passwordHash: string;
}
