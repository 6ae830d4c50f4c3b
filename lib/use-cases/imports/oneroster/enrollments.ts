import { idsBySourceId } from "@/db/queries/imports/bulk";
import {
  addToRosters,
  clearSectionTeacher,
  type RosterPair,
  removeFromRosters,
  rostersOf,
  setSectionTeachers,
  teachersOf,
} from "@/db/queries/imports/classes";
import { type EnrollmentRecord, parseEnrollment } from "@/lib/domain/imports/oneroster/enrollments";
import { Batches, inBatches, type RosterRun } from "./roster-run";

type Teachers = Map<string, { staffId: string; primary: boolean }>;

/**
 * enrollments.csv: students on class rosters, and each class's teacher. With a bulk file the
 * rosters and teachers of the classes in classes.csv become exactly those it lists.
 */
export async function importEnrollments(
  run: RosterRun,
  classesInFile: ReadonlySet<string>,
): Promise<void> {
  const file = "enrollments.csv";
  const { tx, tenantId } = run;
  const counts = run.summary.enrollments;
  const sectionIds = await idsBySourceId(tx, "sections", tenantId);
  const studentIds = await idsBySourceId(tx, "students", tenantId);
  const staffIds = await idsBySourceId(tx, "staff", tenantId);
  const wanted = new Set<string>();
  const teachers: Teachers = new Map();
  const teacherRemovals: { sectionId: string; staffId: string }[] = [];
  let teacherRows = 0;
  const additions = new Batches<RosterPair>(async (pairs) => {
    const created = await addToRosters(tx, tenantId, pairs);
    counts.created += created;
    counts.unchanged += pairs.length - created;
  });
  const removals = new Batches<RosterPair>(async (pairs) => {
    const removed = await removeFromRosters(tx, tenantId, pairs);
    counts.deactivated += removed;
    counts.unchanged += pairs.length - removed;
  });

  for await (const { line, value } of run.parsed(file, parseEnrollment, () => "enrollments")) {
    const people = value.role === "student" ? studentIds : staffIds;
    const resolved = resolveEnrollment(value, sectionIds, people);
    if (typeof resolved === "string") {
      run.reject("enrollments", file, line, resolved);
      continue;
    }
    const { sectionId, personId } = resolved;
    if (value.role === "teacher") {
      if (value.status === "tobedeleted") teacherRemovals.push({ sectionId, staffId: personId });
      else {
        teacherRows += 1;
        const current = teachers.get(sectionId);
        if (!current || (value.primary && !current.primary)) {
          teachers.set(sectionId, { staffId: personId, primary: value.primary });
        }
      }
      continue;
    }
    if (value.status === "tobedeleted") {
      await removals.add({ sectionId, studentId: personId });
    } else {
      wanted.add(`${sectionId}:${personId}`);
      await additions.add({ sectionId, studentId: personId });
    }
  }
  await additions.flush();
  await removals.flush();
  await assignTeachers(run, teachers, teacherRows, teacherRemovals);
  if (run.mode(file) === "bulk") {
    const inFile = [...classesInFile].flatMap((s) => sectionIds.get(s) ?? []);
    await syncBulkRosters(run, inFile, wanted, teachers);
  }
}

function resolveEnrollment(
  value: EnrollmentRecord,
  sectionIds: Map<string, string>,
  people: Map<string, string>,
): { sectionId: string; personId: string } | string {
  const sectionId = sectionIds.get(value.classSourcedId);
  if (!sectionId) return `classSourcedId ${value.classSourcedId} is not a class of this roster.`;
  const personId = people.get(value.userSourcedId);
  if (!personId)
    return `userSourcedId ${value.userSourcedId} is not a ${value.role} of this roster.`;
  return { sectionId, personId };
}

/**
 * One teacher per section (the primary one when several are listed): set where it changed.
 * Counted like records: a section that had no teacher gains one (created), another teacher
 * is replaced (updated); teacher rows not applied (a co-teacher) are unchanged.
 */
async function assignTeachers(
  run: RosterRun,
  teachers: Teachers,
  teacherRows: number,
  removals: { sectionId: string; staffId: string }[],
): Promise<void> {
  const { tx, tenantId } = run;
  const counts = run.summary.enrollments;
  const before = await teachersOf(tx, tenantId, [...teachers.keys()]);
  const changes: { sectionId: string; teacherId: string }[] = [];
  for (const [sectionId, { staffId }] of teachers) {
    const previous = before.get(sectionId) ?? null;
    if (previous === staffId) counts.unchanged += 1;
    else {
      changes.push({ sectionId, teacherId: staffId });
      if (previous === null) counts.created += 1;
      else counts.updated += 1;
    }
  }
  await setSectionTeachers(tx, tenantId, changes);
  counts.unchanged += teacherRows - teachers.size;
  for (const { sectionId, staffId } of removals) {
    if (teachers.get(sectionId)?.staffId === staffId) continue;
    if (await clearSectionTeacher(tx, tenantId, sectionId, staffId)) counts.deactivated += 1;
    else counts.unchanged += 1;
  }
}

/**
 * A bulk enrollments file lists every roster of the classes it carries: a student missing
 * from it has left the class, and a class without a teacher row has no teacher. Without this
 * a teacher would keep seeing children who moved to another class.
 */
async function syncBulkRosters(
  run: RosterRun,
  inFile: readonly string[],
  wanted: ReadonlySet<string>,
  teachers: Teachers,
): Promise<void> {
  const { tx, tenantId } = run;
  const stale = (await rostersOf(tx, tenantId, inFile)).filter(
    (p) => !wanted.has(`${p.sectionId}:${p.studentId}`),
  );
  await inBatches(stale, async (chunk) => {
    run.summary.enrollments.deactivated += await removeFromRosters(tx, tenantId, chunk);
  });
  const untaught = await setSectionTeachers(
    tx,
    tenantId,
    inFile.filter((id) => !teachers.has(id)).map((sectionId) => ({ sectionId, teacherId: null })),
  );
  run.summary.enrollments.deactivated += untaught.length;
}
