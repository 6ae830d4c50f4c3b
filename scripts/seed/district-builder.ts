/** Collects a demo district's rows (schools, staff, students, families, rosters, sign-ins). */

import { addDays } from "@/lib/domain/calendar/dates";
import type { Role } from "@/lib/domain/policy";
import { NAMED_STUDENTS } from "./accounts";
import {
  followingSchoolYear,
  isoDate,
  nonInstructionalDaysOf,
  quartersOf,
  type SchoolYear,
} from "./calendar";
import type { Band, DistrictPlan, FamilyPlan } from "./district-plan";
import { emailPart } from "./names";
import type { Rng } from "./random";
import {
  randomChildName,
  randomFamily,
  randomTeacherName,
  SPANISH_FAMILY_SHARE,
} from "./random-people";

/** Collects the rows of one district; ids come from the district's random stream. */
export class DistrictBuilder {
  readonly plan: DistrictPlan;
  private localIdCounter = 0;
  private guardianEmailCounter = 0;
  private readonly usedStaffNames = new Set<string>();
  private readonly usedStudentNames = new Set<string>(
    NAMED_STUDENTS.map((s) => `${s.firstName} ${s.lastName}`),
  );
  readonly readingBands = new Map<string, Band>();
  readonly mathBands = new Map<string, Band>();

  constructor(
    readonly rng: Rng,
    readonly year: SchoolYear,
    district: { slug: string; name: string; timeZone: string },
    private readonly emailDomain: string,
    private readonly localIdPrefix: string,
    private readonly areaCode: string,
  ) {
    const tenantId = rng.uuid();
    const years = [year, followingSchoolYear(year)];
    this.plan = {
      tenantId,
      slug: district.slug,
      timeZone: district.timeZone,
      district: {
        id: tenantId,
        name: district.name,
        slug: district.slug,
        timeZone: district.timeZone,
      },
      schools: [],
      rooms: [],
      staff: [],
      students: [],
      guardians: [],
      studentGuardians: [],
      sections: [],
      sectionStudents: [],
      nonInstructionalDays: years.flatMap((y) =>
        nonInstructionalDaysOf(y).map((d) => ({ tenantId, ...d })),
      ),
      schoolYears: years.map((y) => ({
        tenantId,
        label: y.label,
        firstDay: y.firstDay,
        lastDay: y.lastDay,
      })),
      reportingPeriods: years.flatMap((y) =>
        quartersOf(y).map((quarter) => ({ yearLabel: y.label, ...quarter })),
      ),
      assessments: [],
      assessmentResults: [],
      users: [],
      groups: [],
    };
  }

  get tenantId() {
    return this.plan.tenantId;
  }

  phone(): string {
    return `(${this.areaCode}) 555-${String(this.rng.int(100, 9999)).padStart(4, "0")}`;
  }

  addSchool(name: string, code: string, lowestGrade: number, highestGrade: number): string {
    const id = this.rng.uuid();
    this.plan.schools.push({ tenantId: this.tenantId, id, name, code, lowestGrade, highestGrade });
    return id;
  }

  addRoom(schoolId: string, name: string, capacity: number): string {
    const id = this.rng.uuid();
    this.plan.rooms.push({ tenantId: this.tenantId, id, schoolId, name, capacity });
    return id;
  }

  addStaff(person: {
    firstName: string;
    lastName: string;
    honorific: "Ms." | "Mr." | "Dr.";
    title: string;
    schoolId: string | null;
    email?: string;
  }): string {
    const id = this.rng.uuid();
    this.usedStaffNames.add(`${person.firstName} ${person.lastName}`);
    this.plan.staff.push({
      tenantId: this.tenantId,
      id,
      schoolId: person.schoolId,
      firstName: person.firstName,
      lastName: person.lastName,
      displayName: `${person.honorific} ${person.lastName}`,
      email:
        person.email ??
        `${emailPart(person.firstName)}.${emailPart(person.lastName)}@${this.emailDomain}`,
      phone: this.phone(),
      title: person.title,
      sourceId: `staff-${this.plan.staff.length + 1}`,
    });
    return id;
  }

  /** A teacher with a name no other staff member of the district has. */
  addGeneratedTeacher(title: string, schoolId: string): { id: string; displayName: string } {
    for (;;) {
      const { woman, firstName, lastName } = randomTeacherName(this.rng);
      if (this.usedStaffNames.has(`${firstName} ${lastName}`)) continue;
      if (this.plan.staff.some((s) => s.lastName === lastName)) continue;
      const id = this.addStaff({
        firstName,
        lastName,
        honorific: woman ? "Ms." : "Mr.",
        title,
        schoolId,
      });
      return { id, displayName: `${woman ? "Ms." : "Mr."} ${lastName}` };
    }
  }

  addUser(user: {
    email: string;
    name: string;
    role: Role;
    passwordHash: string;
    staffId?: string;
    guardianId?: string;
    locale?: string;
  }): string {
    const id = this.rng.uuid();
    this.plan.users.push({
      tenantId: this.tenantId,
      id,
      email: user.email,
      passwordHash: user.passwordHash,
      name: user.name,
      role: user.role,
      staffId: user.staffId ?? null,
      guardianId: user.guardianId ?? null,
      locale: user.locale ?? "en",
    });
    return id;
  }

  addStudent(student: {
    schoolId: string;
    grade: number;
    firstName?: string;
    lastName?: string;
    family?: FamilyPlan;
  }): { id: string; firstName: string; lastName: string; guardianIds: string[] } {
    let { firstName, lastName, family } = student;
    if (!firstName || !lastName) {
      const spanish = this.rng.chance(SPANISH_FAMILY_SHARE);
      do {
        [firstName, lastName] = randomChildName(this.rng, spanish);
      } while (this.usedStudentNames.has(`${firstName} ${lastName}`));
      family = family ?? randomFamily(this.rng, lastName, spanish);
    }
    if (!family) throw new Error(`A family is needed for ${firstName} ${lastName}`);
    this.usedStudentNames.add(`${firstName} ${lastName}`);

    const id = this.rng.uuid();
    this.localIdCounter += 1;
    // Old enough for kindergarten by September 1 of the school year.
    const bornAfter = isoDate(this.year.startYear - 6 - student.grade, 9, 2);
    this.plan.students.push({
      tenantId: this.tenantId,
      id,
      schoolId: student.schoolId,
      localId: `${this.localIdPrefix}${String(100000 + this.localIdCounter)}`,
      firstName,
      lastName,
      grade: student.grade,
      birthDate: addDays(bornAfter, this.rng.int(0, 364)),
      sourceId: `sis-${this.localIdCounter}`,
    });

    const guardianIds: string[] = [];
    for (const guardian of family.guardians) {
      const guardianId = this.rng.uuid();
      this.guardianEmailCounter += 1;
      guardianIds.push(guardianId);
      this.plan.guardians.push({
        tenantId: this.tenantId,
        id: guardianId,
        firstName: guardian.firstName,
        lastName: guardian.lastName,
        email:
          guardian.email ??
          `${emailPart(guardian.firstName)}.${emailPart(guardian.lastName)}${this.guardianEmailCounter}@families.example`,
        phone: this.phone(),
        language: family.language,
        sourceId: `contact-${this.guardianEmailCounter}`,
      });
      this.plan.studentGuardians.push({
        tenantId: this.tenantId,
        studentId: id,
        guardianId,
        relationship: guardian.relationship,
      });
    }
    return { id, firstName, lastName, guardianIds };
  }

  addSection(
    schoolId: string,
    teacherId: string,
    name: string,
    studentIds: readonly string[],
  ): string {
    const id = this.rng.uuid();
    this.plan.sections.push({
      tenantId: this.tenantId,
      id,
      schoolId,
      name,
      subject: "Homeroom",
      teacherId,
      sourceId: `section-${this.plan.sections.length + 1}`,
    });
    for (const studentId of studentIds) {
      this.plan.sectionStudents.push({ tenantId: this.tenantId, sectionId: id, studentId });
    }
    return id;
  }

  studentsOf(schoolId: string, grade: number) {
    return this.plan.students.filter((s) => s.schoolId === schoolId && s.grade === grade);
  }
}
