/** Maple Grove's homerooms; Mr. Kim's grade 3 class holds the children the scenarios name. */

import { DEMO_ACCOUNTS, NAMED_STUDENTS } from "./accounts";
import type { DistrictBuilder } from "./district-builder";
import type { FamilyPlan } from "./district-plan";
import { ADULT_MEN, ADULT_WOMEN } from "./names";

export type PlacedStudent = ReturnType<DistrictBuilder["addStudent"]>;

/** The families of the named children: the demo's two parent sign-ins among them. */
function namedFamily(b: DistrictBuilder, person: (typeof NAMED_STUDENTS)[number]): FamilyPlan {
  return person.lastName === "Wilson"
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
            guardians: [{ firstName: "Linh", lastName: "Nguyen", relationship: "mother" }],
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
}

/**
 * Homerooms: each teacher's roster is their share of one grade of their school. Returns the
 * named children by first name, and the guardians the parent sign-ins belong to.
 */
export function addMapleGroveHomerooms(
  b: DistrictBuilder,
  {
    mge,
    ohe,
    mgms,
    kim,
    full,
  }: { mge: string; ohe: string; mgms: string; kim: string; full: boolean },
) {
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
  let emma: PlacedStudent | undefined;
  const named = new Map<string, PlacedStudent>();
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
            const family = namedFamily(b, person);
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
  return { named, emma, jenniferWilson, carlosMartinez };
}
