import type {
  assessmentResults,
  assessments,
  districts,
  guardians,
  nonInstructionalDays,
  PROGRESS_RATINGS,
  rooms,
  schools,
  sectionStudents,
  sections,
  staff,
  studentGuardians,
  students,
  users,
} from "@/db/schema";
import { addDays, type LocalDate } from "@/lib/domain/calendar/dates";
import type { CreateInterventionFormValues } from "@/lib/domain/interventions/schemas";
import type { Role } from "@/lib/domain/policy";
import type { MonitoringPlanInput } from "@/lib/domain/sessions/schemas";
import { DEMO_ACCOUNTS, DEMO_DISTRICTS, DEMO_GROUPS, NAMED_STUDENTS } from "./accounts";
import {
  isoDate,
  nonInstructionalDaysOf,
  onOrAfter,
  onOrBefore,
  type SchoolYear,
} from "./calendar";
import {
  ADULT_MEN,
  ADULT_WOMEN,
  CHILD_BOYS,
  CHILD_GIRLS,
  emailPart,
  SPANISH_ADULT_MEN,
  SPANISH_ADULT_WOMEN,
  SPANISH_CHILD_BOYS,
  SPANISH_CHILD_GIRLS,
  SPANISH_SURNAMES,
  SURNAMES,
} from "./names";
import { Rng } from "./random";

/**
 * The demo districts as plain rows, built in memory from a seeded random stream so that the
 * same date and scale always give the same people, rosters and scores. Interventions are kept
 * as use-case inputs: they are created through `createIntervention`, like a specialist would.
 */

export type Scale = "full" | "small";
type ProgressRating = (typeof PROGRESS_RATINGS)[number];

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
  assessments: (typeof assessments.$inferInsert)[];
  assessmentResults: (typeof assessmentResults.$inferInsert)[];
  users: (typeof users.$inferInsert)[];
  groups: GroupPlan[];
}

/** An intervention to create through the use-case, and the history to give it afterwards. */
export interface GroupPlan {
  name: string;
  /** The specialist who creates it. */
  creatorUserId: string;
  input: CreateInterventionFormValues & { studentIds: string[] };
  /** Who took attendance and wrote the notes; null when the facilitator has no sign-in. */
  recorderUserId: string | null;
  history: GroupHistory;
  /**
   * The measure and goal the group is monitored on, set by its creator after creating it. The
   * Phonics group has none: setting it is the first step of Scenario 4, as a specialist does.
   */
  monitoring?: Omit<MonitoringPlanInput, "version">;
}

export interface GroupHistory {
  /** Session notes, used in turn for the sessions already held. */
  sessionNotes: readonly string[];
  /** Observation templates; `{name}` is the student's first name. */
  observations: readonly string[];
  nextSteps: readonly string[];
  /** A progress probe at every n-th held session, starting with the first. */
  probeEvery: number;
  /** Absences counted back from the latest held session (0 = the latest). */
  absences: ReadonlyArray<{ studentId: string; fromLatest: number }>;
  /** Whether other students may miss one session at random. */
  randomAbsences: boolean;
  /**
   * The group's latest session on or before today is left for the facilitator to take: today's
   * on a day the group meets (as always), else the last one before it, so that on a weekend or
   * a holiday the Today page shows it waiting and there is still attendance to take.
   */
  latestLeftToTake?: boolean;
  students: StudentProgress[];
}

export interface StudentProgress {
  studentId: string;
  firstName: string;
  measureName: string;
  measureUnit: string;
  baseline: number;
  /** Expected change per week. */
  weeklyGain: number;
  /** Probe-to-probe wobble, ± this much. */
  noise: number;
  decimals: number;
  /** Spread evenly from the first to the last probe instead (e.g. a grade level 2.8 → 3.2). */
  range?: readonly [number, number];
  rating: ProgressRating;
  finalNote?: { observation: string; nextSteps: string };
}

interface FamilyPlan {
  language: "en" | "es";
  guardians: Array<{ firstName: string; lastName: string; relationship: string; email?: string }>;
}

type Band = "tier1" | "tier2" | "tier3";

/** Collects the rows of one district; ids come from the district's random stream. */
class DistrictBuilder {
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
      nonInstructionalDays: nonInstructionalDaysOf(year).map((d) => ({ tenantId, ...d })),
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
      const woman = this.rng.chance(0.7);
      const firstName = this.rng.pick(woman ? ADULT_WOMEN : ADULT_MEN);
      const lastName = this.rng.pick(SURNAMES);
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

  /** A family for a generated child: one or two guardians, about one in five Spanish-speaking. */
  private generatedFamily(lastName: string, spanish: boolean): FamilyPlan {
    const women = spanish ? SPANISH_ADULT_WOMEN : ADULT_WOMEN;
    const men = spanish ? SPANISH_ADULT_MEN : ADULT_MEN;
    const language = spanish ? "es" : "en";
    if (this.rng.chance(0.62)) {
      return {
        language,
        guardians: [
          { firstName: this.rng.pick(women), lastName, relationship: "mother" },
          { firstName: this.rng.pick(men), lastName, relationship: "father" },
        ],
      };
    }
    const roll = this.rng.next();
    const [relationship, names] =
      roll < 0.6
        ? (["mother", women] as const)
        : roll < 0.85
          ? (["father", men] as const)
          : roll < 0.95
            ? (["grandmother", women] as const)
            : (["guardian", this.rng.chance(0.5) ? women : men] as const);
    return { language, guardians: [{ firstName: this.rng.pick(names), lastName, relationship }] };
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
      const spanish = this.rng.chance(0.2);
      for (;;) {
        const girl = this.rng.chance(0.5);
        const spanishFirst = spanish && this.rng.chance(0.75);
        firstName = this.rng.pick(
          spanishFirst
            ? girl
              ? SPANISH_CHILD_GIRLS
              : SPANISH_CHILD_BOYS
            : girl
              ? CHILD_GIRLS
              : CHILD_BOYS,
        );
        lastName = this.rng.pick(spanish ? SPANISH_SURNAMES : SURNAMES);
        if (!this.usedStudentNames.has(`${firstName} ${lastName}`)) break;
      }
      family = family ?? this.generatedFamily(lastName, spanish);
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

  /**
   * Fall benchmark results for every student. Students picked for groups keep the band they
   * were picked for; the rest are drawn so that about 8% score below 30 and 14% between 30
   * and 49 (22% at risk in all).
   */
  addFallBenchmarks(schoolDates: ReadonlyMap<string, LocalDate>) {
    const tests = [
      { name: "Reading Benchmark", subject: "Reading", bands: this.readingBands },
      { name: "Math Benchmark", subject: "Math", bands: this.mathBands },
    ];
    for (const test of tests) {
      const assessmentId = this.rng.uuid();
      this.plan.assessments.push({
        tenantId: this.tenantId,
        id: assessmentId,
        name: test.name,
        subject: test.subject,
        scaleMin: 0,
        scaleMax: 100,
        cutScores: [{ tier1Min: 50, tier2Min: 30 }],
      });
      const all = this.plan.students;
      const tier3Quota = Math.round(all.length * 0.08);
      const tier2Quota = Math.round(all.length * 0.14);
      let tier3 = [...test.bands.values()].filter((b) => b === "tier3").length;
      let tier2 = [...test.bands.values()].filter((b) => b === "tier2").length;
      const bands = new Map(test.bands);
      for (const student of this.rng.shuffle(all.filter((s) => !bands.has(s.id!)))) {
        if (tier3 < tier3Quota) {
          bands.set(student.id!, "tier3");
          tier3 += 1;
        } else if (tier2 < tier2Quota) {
          bands.set(student.id!, "tier2");
          tier2 += 1;
        } else {
          bands.set(student.id!, "tier1");
        }
      }
      const scores = all.map((student) => {
        const band = bands.get(student.id!) ?? "tier1";
        const score =
          band === "tier3"
            ? this.rng.int(12, 29)
            : band === "tier2"
              ? this.rng.int(31, 48)
              : Math.min(
                  99,
                  50 +
                    Math.round(
                      Math.abs(this.rng.next() + this.rng.next() - 1) * 40 + this.rng.int(0, 12),
                    ),
                );
        return { student, score };
      });
      const sorted = scores.map((s) => s.score).sort((a, b) => a - b);
      for (const { student, score } of scores) {
        const below = sorted.filter((s) => s < score).length;
        const percentile = Math.max(1, Math.min(99, Math.round((100 * below) / sorted.length)));
        this.plan.assessmentResults.push({
          tenantId: this.tenantId,
          id: this.rng.uuid(),
          assessmentId,
          studentId: student.id!,
          schoolYear: this.year.label,
          window: "fall",
          administeredOn:
            schoolDates.get(student.schoolId) ??
            onOrAfter(isoDate(this.year.startYear, 9, 14), "MO"),
          score,
          percentile,
        });
      }
    }
  }
}

/** The Monday of the week `today` is in, moved by whole weeks. */
function mondayWeeksFrom(today: LocalDate, weeks: number, firstDay: LocalDate): LocalDate {
  const monday = addDays(onOrBefore(today, "MO"), 7 * weeks);
  return monday < firstDay ? firstDay : monday;
}

/** When a school gave its fall benchmark: mid-September, never after today. */
function fallTestingDay(year: SchoolYear, today: LocalDate, dayOfWeek: number): LocalDate {
  const day = addDays(onOrAfter(isoDate(year.startYear, 9, 14), "MO"), dayOfWeek);
  return day < today ? day : addDays(today, -1);
}

interface PlanOptions {
  today: LocalDate;
  year: SchoolYear;
  scale: Scale;
  passwordHash: string;
}

export function planMapleGrove(options: PlanOptions): DistrictPlan {
  const { today, year, scale, passwordHash } = options;
  const b = new DistrictBuilder(
    Rng.fromName(`maple-grove/${scale}`),
    year,
    DEMO_DISTRICTS.mapleGrove,
    "maplegrove.example",
    "MG",
    "763",
  );

  const mge = b.addSchool("Maple Grove Elementary", "MGE", 0, 5);
  const ohe = b.addSchool("Oak Hill Elementary", "OHE", 0, 5);
  const mgms = b.addSchool("Maple Grove Middle School", "MGMS", 6, 8);

  const rooms = {
    room104: b.addRoom(mge, "Room 104", 8),
    mathLab: b.addRoom(mge, "Math Lab", 10),
    ohIntervention: b.addRoom(ohe, "Intervention Room", 6),
    learningLab: b.addRoom(mgms, "Learning Lab", 12),
  };
  for (const name of ["Room 101", "Room 102", "Room 103", "Library"]) b.addRoom(mge, name, 28);
  for (const name of ["Room 201", "Room 202", "Room 203", "Reading Room", "Library"]) {
    b.addRoom(ohe, name, name === "Reading Room" ? 8 : 28);
  }
  for (const name of ["Room 301", "Room 302", "Room 303", "Media Center"])
    b.addRoom(mgms, name, 30);

  // The people the demo sign-ins and scenarios name.
  const reyes = b.addStaff({
    firstName: "Patricia",
    lastName: "Reyes",
    honorific: "Dr.",
    title: "Director of Student Services",
    schoolId: null,
    email: DEMO_ACCOUNTS.admin,
  });
  const johnson = b.addStaff({
    firstName: "Sarah",
    lastName: "Johnson",
    honorific: "Ms.",
    title: "Reading Specialist",
    schoolId: mge,
    email: DEMO_ACCOUNTS.specialist,
  });
  const kim = b.addStaff({
    firstName: "David",
    lastName: "Kim",
    honorific: "Mr.",
    title: "Grade 3 Teacher",
    schoolId: mge,
    email: DEMO_ACCOUNTS.teacher,
  });
  const alvarez = b.addStaff({
    firstName: "Marcus",
    lastName: "Alvarez",
    honorific: "Mr.",
    title: "Reading Interventionist",
    schoolId: ohe,
    email: DEMO_ACCOUNTS.facilitator,
  });
  const okafor = b.addStaff({
    firstName: "Linda",
    lastName: "Okafor",
    honorific: "Ms.",
    title: "Math Interventionist",
    schoolId: mge,
  });
  const price = b.addStaff({
    firstName: "Angela",
    lastName: "Price",
    honorific: "Ms.",
    title: "Literacy Interventionist",
    schoolId: mgms,
  });
  b.addStaff({
    firstName: "James",
    lastName: "Patel",
    honorific: "Mr.",
    title: "School Counselor",
    schoolId: mge,
  });
  b.addStaff({
    firstName: "Maria",
    lastName: "Lopez",
    honorific: "Ms.",
    title: "School Counselor",
    schoolId: ohe,
  });
  b.addStaff({
    firstName: "Kevin",
    lastName: "O'Brien",
    honorific: "Mr.",
    title: "School Counselor",
    schoolId: mgms,
  });
  b.addStaff({
    firstName: "Karen",
    lastName: "Olson",
    honorific: "Ms.",
    title: "Principal",
    schoolId: mge,
  });
  b.addStaff({
    firstName: "Brian",
    lastName: "Walsh",
    honorific: "Mr.",
    title: "Principal",
    schoolId: ohe,
  });
  b.addStaff({
    firstName: "Denise",
    lastName: "Harper",
    honorific: "Dr.",
    title: "Principal",
    schoolId: mgms,
  });
  b.addStaff({
    firstName: "Helen",
    lastName: "Park",
    honorific: "Dr.",
    title: "School Psychologist",
    schoolId: null,
  });
  b.addStaff({
    firstName: "Rebecca",
    lastName: "Stone",
    honorific: "Ms.",
    title: "Speech-Language Pathologist",
    schoolId: null,
  });

  // Homerooms: each teacher's roster is their share of one grade of their school.
  const full = scale === "full";
  const layout: ReadonlyArray<{
    schoolId: string;
    grades: readonly number[];
    homerooms: number;
    size: readonly [number, number];
  }> = [
    {
      schoolId: mge,
      grades: [0, 1, 2, 3, 4, 5],
      homerooms: full ? 2 : 1,
      size: full ? [19, 23] : [4, 4],
    },
    {
      schoolId: ohe,
      grades: [0, 1, 2, 3, 4, 5],
      homerooms: full ? 2 : 1,
      size: full ? [19, 23] : [4, 4],
    },
    { schoolId: mgms, grades: [6, 7, 8], homerooms: full ? 3 : 1, size: full ? [22, 26] : [4, 4] },
  ];
  let emma: ReturnType<DistrictBuilder["addStudent"]> | undefined;
  const named = new Map<string, ReturnType<DistrictBuilder["addStudent"]>>();
  let jenniferWilson = "";
  let carlosMartinez = "";
  for (const school of layout) {
    for (const grade of school.grades) {
      for (let h = 0; h < school.homerooms; h++) {
        const gradeName = grade === 0 ? "Kindergarten" : `Grade ${grade}`;
        const isKim = school.schoolId === mge && grade === 3 && h === 0;
        const teacher = isKim
          ? { id: kim, displayName: "Mr. Kim" }
          : b.addGeneratedTeacher(`${gradeName} Teacher`, school.schoolId);
        const roster: string[] = [];
        if (isKim) {
          for (const person of NAMED_STUDENTS) {
            const family: FamilyPlan =
              person.lastName === "Wilson"
                ? {
                    language: "en",
                    guardians: [
                      {
                        firstName: "Jennifer",
                        lastName: "Wilson",
                        relationship: "mother",
                        email: DEMO_ACCOUNTS.parent,
                      },
                      { firstName: "Mark", lastName: "Wilson", relationship: "father" },
                    ],
                  }
                : person.lastName === "Martinez"
                  ? {
                      language: "es",
                      guardians: [
                        {
                          firstName: "Carlos",
                          lastName: "Martinez",
                          relationship: "father",
                          email: DEMO_ACCOUNTS.padre,
                        },
                        { firstName: "Lucía", lastName: "Martinez", relationship: "mother" },
                      ],
                    }
                  : person.lastName === "Nguyen"
                    ? {
                        language: "en",
                        guardians: [
                          { firstName: "Linh", lastName: "Nguyen", relationship: "mother" },
                        ],
                      }
                    : {
                        language: "en",
                        guardians: [
                          {
                            firstName: b.rng.pick(ADULT_WOMEN),
                            lastName: person.lastName,
                            relationship: "mother",
                          },
                          {
                            firstName: b.rng.pick(ADULT_MEN),
                            lastName: person.lastName,
                            relationship: "father",
                          },
                        ],
                      };
            const student = b.addStudent({
              schoolId: mge,
              grade: 3,
              firstName: person.firstName,
              lastName: person.lastName,
              family,
            });
            named.set(person.firstName, student);
            b.readingBands.set(student.id, "tier2");
            roster.push(student.id);
            if (person.firstName === "Emma") {
              emma = student;
              jenniferWilson = student.guardianIds[0]!;
            }
            if (person.firstName === "Sophia") carlosMartinez = student.guardianIds[0]!;
          }
        }
        const size =
          isKim && !full ? 2 : b.rng.int(school.size[0], school.size[1]) - (isKim ? 6 : 0);
        for (let i = 0; i < size; i++)
          roster.push(b.addStudent({ schoolId: school.schoolId, grade }).id);
        b.addSection(
          school.schoolId,
          teacher.id,
          `${gradeName} Homeroom (${teacher.displayName})`,
          roster,
        );
      }
    }
  }
  if (!emma || !jenniferWilson || !carlosMartinez)
    throw new Error("The named students were not placed");

  // Sign-ins.
  b.addUser({
    email: DEMO_ACCOUNTS.admin,
    name: "Dr. Patricia Reyes",
    role: "admin",
    staffId: reyes,
    passwordHash,
  });
  const johnsonUser = b.addUser({
    email: DEMO_ACCOUNTS.specialist,
    name: "Sarah Johnson",
    role: "specialist",
    staffId: johnson,
    passwordHash,
  });
  b.addUser({
    email: DEMO_ACCOUNTS.teacher,
    name: "David Kim",
    role: "teacher",
    staffId: kim,
    passwordHash,
  });
  const alvarezUser = b.addUser({
    email: DEMO_ACCOUNTS.facilitator,
    name: "Marcus Alvarez",
    role: "facilitator",
    staffId: alvarez,
    passwordHash,
  });
  b.addUser({
    email: DEMO_ACCOUNTS.parent,
    name: "Jennifer Wilson",
    role: "parent",
    guardianId: jenniferWilson,
    passwordHash,
  });
  b.addUser({
    email: DEMO_ACCOUNTS.padre,
    name: "Carlos Martinez",
    role: "parent",
    guardianId: carlosMartinez,
    locale: "es",
    passwordHash,
  });

  // Students picked for the other groups, with the screening results that put them there.
  const pick = (
    schoolId: string,
    grade: number,
    count: number,
    exclude: ReadonlySet<string> = new Set(),
  ) =>
    b
      .studentsOf(schoolId, grade)
      .filter((s) => !exclude.has(s.id!))
      .slice(0, count)
      .map((s) => ({ id: s.id!, firstName: s.firstName }));
  const mathStudents = pick(mge, 4, full ? 5 : 4);
  for (const s of mathStudents) b.mathBands.set(s.id, "tier2");
  const tier3Students = pick(ohe, 2, full ? 3 : 2);
  for (const s of tier3Students) b.readingBands.set(s.id, "tier3");
  const middleStudents = pick(mgms, 6, full ? 5 : 3);
  for (const s of middleStudents) b.readingBands.set(s.id, "tier2");
  const earlyStudents = pick(mge, 1, full ? 3 : 2);
  for (const s of earlyStudents) b.readingBands.set(s.id, "tier2");

  b.addFallBenchmarks(
    new Map([
      [mge, fallTestingDay(year, today, 1)],
      [ohe, fallTestingDay(year, today, 2)],
      [mgms, fallTestingDay(year, today, 3)],
    ]),
  );

  const wcpm = {
    measureName: "Words correct per minute",
    measureUnit: "WCPM",
    decimals: 0,
  } as const;
  const namedProgress = (
    first: string,
    progress: Omit<
      StudentProgress,
      "studentId" | "firstName" | "measureName" | "measureUnit" | "decimals"
    >,
  ): StudentProgress => ({
    studentId: named.get(first)!.id,
    firstName: first,
    ...wcpm,
    ...progress,
  });

  b.plan.groups.push({
    name: DEMO_GROUPS.phonics,
    creatorUserId: johnsonUser,
    recorderUserId: johnsonUser,
    input: {
      name: DEMO_GROUPS.phonics,
      tier: 2,
      focusArea: "Reading Fluency",
      description:
        "Small-group phonics instruction on consonant blends and multisyllabic decoding, with repeated reading of decodable texts.",
      goal: "Read grade 3 passages at 90 words correct per minute with 95% accuracy.",
      startDate: mondayWeeksFrom(today, -4, year.firstDay),
      durationWeeks: 8,
      schedule: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: 30 },
      facilitatorIds: [johnson],
      roomId: rooms.room104,
      studentIds: NAMED_STUDENTS.map((s) => named.get(s.firstName)!.id),
    },
    history: {
      sessionNotes: [
        "Focused on phonics blends (bl, cl, fl). Emma and Noah showed great progress.",
        "Reviewed r-blends with word sorts; partner reading of a decodable text.",
        "Blending drills with letter tiles, then timed repeated reading.",
        "Introduced two-syllable words with closed syllables; most of the group decoded them independently.",
        "Word-building with s-blends; short dictation at the end.",
        "Repeated reading of last week's passage; the group read with more expression.",
      ],
      observations: [
        "{name} blended initial consonant clusters with few errors today.",
        "{name} read the decodable passage more smoothly than last week.",
        "{name} still hesitates on r-blends but self-corrects more often.",
        "{name} stayed engaged throughout and decoded new words independently.",
      ],
      nextSteps: [
        "Continue daily blending practice.",
        "Add a second repeated reading of the weekly passage.",
        "Keep practicing r-blends with word sorts.",
      ],
      probeEvery: 2,
      latestLeftToTake: true,
      absences: [
        { studentId: named.get("Sophia")!.id, fromLatest: 0 },
        { studentId: named.get("Ava")!.id, fromLatest: 0 },
      ],
      randomAbsences: false,
      students: [
        {
          studentId: emma.id,
          firstName: "Emma",
          measureName: "Fluency level",
          measureUnit: "grade level",
          decimals: 1,
          baseline: 2.8,
          weeklyGain: 0.1,
          noise: 0,
          range: [2.8, 3.2],
          rating: "expected",
          finalNote: {
            observation: "Emma is showing improvement in decoding multisyllabic words.",
            nextSteps: "Continue current strategies, add comprehension focus.",
          },
        },
        namedProgress("Liam", { baseline: 58, weeklyGain: 2.5, noise: 2, rating: "expected" }),
        namedProgress("Sophia", { baseline: 49, weeklyGain: 1.5, noise: 2, rating: "some" }),
        namedProgress("Noah", { baseline: 55, weeklyGain: 3.5, noise: 2, rating: "exceeding" }),
        namedProgress("Olivia", { baseline: 52, weeklyGain: 2.2, noise: 2, rating: "expected" }),
        namedProgress("Ava", { baseline: 47, weeklyGain: -0.4, noise: 1, rating: "none" }),
      ],
    },
  });

  const generatedProgress = (
    students: Array<{ id: string; firstName: string }>,
    measure: { measureName: string; measureUnit: string; decimals: number },
    baseline: readonly [number, number],
    gain: readonly [number, number],
    noise: number,
  ): StudentProgress[] =>
    students.map((s) => {
      const weeklyGain = gain[0] + b.rng.next() * (gain[1] - gain[0]);
      const share = (weeklyGain - gain[0]) / (gain[1] - gain[0]);
      return {
        studentId: s.id,
        firstName: s.firstName,
        ...measure,
        baseline: b.rng.int(baseline[0], baseline[1]),
        weeklyGain,
        noise,
        rating: share > 0.75 ? "exceeding" : share > 0.3 ? "expected" : "some",
      };
    });

  b.plan.groups.push({
    name: DEMO_GROUPS.mathFacts,
    creatorUserId: johnsonUser,
    recorderUserId: null,
    input: {
      name: DEMO_GROUPS.mathFacts,
      tier: 2,
      focusArea: "Math",
      description: "Fact-family practice and timed drills for multiplication facts to 10 × 10.",
      goal: "Answer 30 multiplication facts correctly in one minute.",
      startDate: addDays(mondayWeeksFrom(today, -3, year.firstDay), 1),
      durationWeeks: 6,
      schedule: { days: ["TU", "TH"], startTime: "13:30", minutes: 30 },
      facilitatorIds: [okafor],
      roomId: rooms.mathLab,
      studentIds: mathStudents.map((s) => s.id),
    },
    monitoring: {
      measureName: "Math facts correct per minute",
      measureUnit: "facts/min",
      measureDirection: "higher",
      goalValue: 30,
    },
    history: {
      sessionNotes: [
        "Fact families for 6s and 7s with number bonds; timed drill at the end.",
        "Strategy practice: doubles plus one set; games with fact cards.",
        "Reviewed 8s using skip counting; students charted their own drill scores.",
      ],
      observations: [
        "{name} recalled more facts from memory and relied less on counting.",
        "{name} used the doubling strategy for 4s and 8s.",
        "{name} is faster on 6s; 7s still need practice.",
      ],
      nextSteps: [
        "Daily two-minute fact practice at home.",
        "Keep charting drill scores.",
        "Focus on 7s and 8s.",
      ],
      probeEvery: 2,
      absences: [],
      randomAbsences: true,
      students: generatedProgress(
        mathStudents,
        { measureName: "Math facts correct per minute", measureUnit: "facts/min", decimals: 0 },
        [12, 18],
        [1, 2.5],
        1,
      ),
    },
  });

  b.plan.groups.push({
    name: DEMO_GROUPS.intensiveReading,
    creatorUserId: johnsonUser,
    recorderUserId: alvarezUser,
    input: {
      name: DEMO_GROUPS.intensiveReading,
      tier: 3,
      focusArea: "Reading Fluency",
      description:
        "Intensive, explicit phonics and phonemic awareness instruction in a very small group.",
      goal: "Read 40 correct letter sounds per minute on nonsense-word fluency probes.",
      startDate: mondayWeeksFrom(today, -2, year.firstDay),
      durationWeeks: 6,
      schedule: { days: ["MO", "TU", "WE", "TH", "FR"], startTime: "09:00", minutes: 45 },
      facilitatorIds: [alvarez],
      roomId: rooms.ohIntervention,
      studentIds: tier3Students.map((s) => s.id),
    },
    monitoring: {
      measureName: "Nonsense word fluency",
      measureUnit: "correct letter sounds",
      measureDirection: "higher",
      goalValue: 40,
    },
    history: {
      sessionNotes: [
        "Phoneme segmentation with Elkonin boxes; short-vowel CVC words.",
        "Letter-sound review, then blending CVC words with a finger-tap routine.",
        "Decodable book reading with immediate error correction.",
        "Digraphs sh and ch introduced; students sorted picture cards.",
      ],
      observations: [
        "{name} segmented three-sound words without support.",
        "{name} confused short e and short i twice; corrected with the mouth picture cue.",
        "{name} blended CVC words faster than at the start of the week.",
      ],
      nextSteps: [
        "Continue daily letter-sound review.",
        "Add digraph practice.",
        "Send decodable book home.",
      ],
      probeEvery: 3,
      absences: [],
      randomAbsences: true,
      students: generatedProgress(
        tier3Students,
        { measureName: "Nonsense word fluency", measureUnit: "correct letter sounds", decimals: 0 },
        [14, 22],
        [3, 5],
        1.5,
      ),
    },
  });

  const middleProgress = generatedProgress(
    middleStudents,
    { measureName: "Maze comprehension", measureUnit: "correct replacements", decimals: 0 },
    [9, 13],
    [0.6, 1.2],
    1,
  );
  b.plan.groups.push({
    name: DEMO_GROUPS.middleSchool,
    creatorUserId: johnsonUser,
    recorderUserId: null,
    input: {
      name: DEMO_GROUPS.middleSchool,
      tier: 2,
      focusArea: "Reading Comprehension",
      description:
        "Reciprocal teaching: predicting, questioning, clarifying and summarizing grade-level texts.",
      goal: "Score 20 correct replacements on the grade 6 maze probe.",
      startDate: addDays(mondayWeeksFrom(today, -5, year.firstDay), 1),
      durationWeeks: 8,
      schedule: { days: ["TU", "TH"], startTime: "11:15", minutes: 40 },
      facilitatorIds: [price],
      roomId: rooms.learningLab,
      studentIds: middleStudents.map((s) => s.id),
    },
    monitoring: {
      measureName: "Maze comprehension",
      measureUnit: "correct replacements",
      measureDirection: "higher",
      goalValue: 20,
    },
    history: {
      sessionNotes: [
        "Reciprocal teaching roles introduced with a short science article.",
        "Summarizing practice: one-sentence gist statements.",
        "Question generation with a social studies text; students led the clarifying step.",
      ],
      observations: [
        "{name} wrote an accurate gist statement with one prompt.",
        "{name} asked a clarifying question without being prompted.",
        "{name} predicted well but summaries are still long.",
      ],
      nextSteps: [
        "Practice gist statements with shorter texts.",
        "Rotate the discussion-leader role.",
      ],
      probeEvery: 2,
      // One student missed the last two sessions: the follow-up flag shows on the dashboard.
      absences: middleStudents[0]
        ? [
            { studentId: middleStudents[0].id, fromLatest: 0 },
            { studentId: middleStudents[0].id, fromLatest: 1 },
          ]
        : [],
      randomAbsences: true,
      students: middleProgress,
    },
  });

  b.plan.groups.push({
    name: DEMO_GROUPS.earlyLiteracy,
    creatorUserId: johnsonUser,
    recorderUserId: johnsonUser,
    input: {
      name: DEMO_GROUPS.earlyLiteracy,
      tier: 2,
      focusArea: "Phonological Awareness",
      description: "Rhyming, syllable and onset-rime practice for first graders.",
      goal: "Identify beginning sounds of spoken words with 90% accuracy.",
      startDate: mondayWeeksFrom(today, 1, year.firstDay),
      durationWeeks: 6,
      schedule: { days: ["MO", "TU", "TH"], startTime: "13:00", minutes: 25 },
      facilitatorIds: [johnson],
      roomId: rooms.room104,
      studentIds: earlyStudents.map((s) => s.id),
    },
    history: {
      sessionNotes: [],
      observations: [],
      nextSteps: [],
      probeEvery: 2,
      absences: [],
      randomAbsences: false,
      students: [],
    },
  });

  return b.plan;
}

export function planCedarRidge(options: PlanOptions): DistrictPlan {
  const { today, year, scale, passwordHash } = options;
  const b = new DistrictBuilder(
    Rng.fromName(`cedar-ridge/${scale}`),
    year,
    DEMO_DISTRICTS.cedarRidge,
    "cedarridge.example",
    "CR",
    "303",
  );
  const school = b.addSchool("Cedar Ridge Elementary", "CRE", 0, 5);
  const readingNook = b.addRoom(school, "Reading Nook", 6);
  for (const name of ["Room 1", "Room 2", "Room 3", "Library"]) b.addRoom(school, name, 26);

  const bennett = b.addStaff({
    firstName: "Laura",
    lastName: "Bennett",
    honorific: "Ms.",
    title: "Reading Specialist",
    schoolId: school,
    email: DEMO_ACCOUNTS.cedarSpecialist,
  });
  const hale = b.addStaff({
    firstName: "Thomas",
    lastName: "Hale",
    honorific: "Mr.",
    title: "Principal",
    schoolId: school,
    email: DEMO_ACCOUNTS.cedarAdmin,
  });
  b.addStaff({
    firstName: "Monica",
    lastName: "Reed",
    honorific: "Ms.",
    title: "School Counselor",
    schoolId: school,
  });

  // Three multi-grade homerooms for ten children per grade.
  for (const grades of [
    [0, 1],
    [2, 3],
    [4, 5],
  ] as const) {
    const label = grades[0] === 0 ? "Grades K–1" : `Grades ${grades[0]}–${grades[1]}`;
    const teacher = b.addGeneratedTeacher(`${label} Teacher`, school);
    const roster: string[] = [];
    for (const grade of grades) {
      for (let i = 0; i < 10; i++) roster.push(b.addStudent({ schoolId: school, grade }).id);
    }
    b.addSection(school, teacher.id, `${label} Homeroom (${teacher.displayName})`, roster);
  }

  const bennettUser = b.addUser({
    email: DEMO_ACCOUNTS.cedarSpecialist,
    name: "Laura Bennett",
    role: "specialist",
    staffId: bennett,
    passwordHash,
  });
  b.addUser({
    email: DEMO_ACCOUNTS.cedarAdmin,
    name: "Thomas Hale",
    role: "admin",
    staffId: hale,
    passwordHash,
  });

  const groupStudents = b
    .studentsOf(school, 2)
    .slice(0, 4)
    .map((s) => ({ id: s.id!, firstName: s.firstName }));
  for (const s of groupStudents) b.readingBands.set(s.id, "tier2");
  b.addFallBenchmarks(new Map([[school, fallTestingDay(year, today, 2)]]));

  b.plan.groups.push({
    name: DEMO_GROUPS.cedarRidge,
    creatorUserId: bennettUser,
    recorderUserId: bennettUser,
    input: {
      name: DEMO_GROUPS.cedarRidge,
      tier: 2,
      focusArea: "Reading Fluency",
      description: "Decoding and fluency practice with decodable texts for second graders.",
      goal: "Read grade 2 passages at 70 words correct per minute.",
      startDate: mondayWeeksFrom(today, -3, year.firstDay),
      durationWeeks: 6,
      schedule: { days: ["MO", "TU", "TH"], startTime: "10:30", minutes: 30 },
      facilitatorIds: [bennett],
      roomId: readingNook,
      studentIds: groupStudents.map((s) => s.id),
    },
    history: {
      sessionNotes: [
        "Vowel-team practice (ai, ay) with a word hunt in a decodable text.",
        "Echo reading and partner reading of a short passage.",
        "Timed repeated reading; students graphed their own scores.",
      ],
      observations: [
        "{name} read with fewer pauses than last week.",
        "{name} decoded vowel-team words accurately.",
        "{name} is gaining confidence reading aloud.",
      ],
      nextSteps: ["Continue repeated reading.", "Introduce oa and ow vowel teams."],
      probeEvery: 2,
      absences: [],
      randomAbsences: true,
      students: groupStudents.map((s) => ({
        studentId: s.id,
        firstName: s.firstName,
        measureName: "Words correct per minute",
        measureUnit: "WCPM",
        decimals: 0,
        baseline: b.rng.int(35, 45),
        weeklyGain: 1.5 + b.rng.next() * 1.5,
        noise: 2,
        rating: "expected",
      })),
    },
  });

  return b.plan;
}
