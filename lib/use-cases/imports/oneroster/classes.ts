import { idsBySourceId } from "@/db/queries/imports/bulk";
import {
  type RosterSection,
  removeFromRosters,
  rostersOf,
  setSectionTeachers,
  upsertSections,
} from "@/db/queries/imports/classes";
import { parseClass, parseCourse } from "@/lib/domain/imports/oneroster/classes";
import { Batches, type RosterRun } from "./roster-run";

export type Courses = ReadonlyMap<string, { title: string; subject: string | null }>;

/** courses.csv: nothing of it is stored, but a class without a subject takes its course's. */
export async function readCourses(run: RosterRun): Promise<Courses> {
  const courses = new Map<string, { title: string; subject: string | null }>();
  for await (const { value } of run.parsed("courses.csv", parseCourse, () => null)) {
    courses.set(value.sourcedId, { title: value.title, subject: value.subject });
  }
  return courses;
}

/**
 * classes.csv: class sections of the roster's schools. A class taken off the roster
 * (`tobedeleted`) keeps its history but no longer ties a teacher to students. Returns the
 * sourcedIds of the active classes in the file: a bulk enrollments.csv is the truth about them.
 */
export async function importClasses(
  run: RosterRun,
  known: { schoolIds: ReadonlyMap<string, string>; courses: Courses },
): Promise<Set<string>> {
  const file = "classes.csv";
  const { tx, tenantId } = run;
  const inFile = new Set<string>();
  const removed: string[] = [];
  const batches = new Batches<RosterSection>(async (rows) => {
    run.count("classes", await upsertSections(tx, tenantId, rows), rows.length);
  });
  for await (const { line, value } of run.parsed(file, parseClass, () => "classes")) {
    if (value.status === "tobedeleted") {
      removed.push(value.sourcedId);
      continue;
    }
    const schoolId = known.schoolIds.get(value.schoolSourcedId);
    if (!schoolId) {
      run.reject(
        "classes",
        file,
        line,
        `schoolSourcedId ${value.schoolSourcedId} is not a school of this roster.`,
      );
      continue;
    }
    inFile.add(value.sourcedId);
    const course = known.courses.get(value.courseSourcedId);
    await batches.add({
      schoolId,
      name: value.name,
      subject: (value.subject ?? course?.subject ?? course?.title ?? null)?.slice(0, 100) ?? null,
      periods: value.periods,
      sourceId: value.sourcedId,
    });
  }
  await batches.flush();

  const ids = [...(await idsBySourceId(tx, "sections", tenantId, removed)).values()];
  const roster = await rostersOf(tx, tenantId, ids);
  const untaught = await setSectionTeachers(
    tx,
    tenantId,
    ids.map((sectionId) => ({ sectionId, teacherId: null })),
  );
  await removeFromRosters(tx, tenantId, roster);
  const changed = new Set([...untaught, ...roster.map((p) => p.sectionId)]).size;
  run.summary.classes.deactivated += changed;
  run.summary.classes.unchanged += removed.length - changed;
  return inFile;
}
