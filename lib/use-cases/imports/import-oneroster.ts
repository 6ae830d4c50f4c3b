import type { Tx } from "@/db/client";
import {
  addToRosters,
  adoptSchoolsByCode,
  clearSectionTeacher,
  deactivateBySourceId,
  type GuardianLink,
  idsBySourceId,
  linkGuardians,
  preferBulkPlans,
  type RosterPair,
  removeFromRosters,
  removeGuardianLinks,
  rosterGuardianLinks,
  rostersOf,
  setSectionTeachers,
  studentNumbers,
  teachersOf,
  unlinkGuardians,
  upsertBySourceId,
} from "@/db/queries/imports";
import { guardians, schools, sections, staff, students } from "@/db/schema";
import { ForbiddenError } from "@/lib/domain/errors";
import { type FileBundle, findFile } from "@/lib/domain/imports/bundle";
import { type CsvRow, readCsv, readCsvRows } from "@/lib/domain/imports/csv";
import {
  type ClassRecord,
  type EnrollmentRecord,
  type FileMode,
  type Manifest,
  missingColumns,
  ONEROSTER_FILES,
  type OneRosterFile,
  parseClass,
  parseCourse,
  parseDemographics,
  parseEnrollment,
  parseManifest,
  parseOrg,
  parseUser,
  REQUIRED_FILES,
  type RowResult,
  type UserRecord,
} from "@/lib/domain/imports/oneroster";
import {
  BundleRefusedError,
  emptySummary,
  type ImportSummary,
  RejectionLog,
} from "@/lib/domain/imports/summary";
import type { UseCaseContext } from "../context";
import { type ImportProgress, type ImportRunResult, runRecordedImport } from "./import-run";

const KINDS = [
  "schools",
  "teachers",
  "students",
  "guardians",
  "guardianLinks",
  "classes",
  "enrollments",
] as const;
type Kind = (typeof KINDS)[number];

/** Rows per statement: big enough to be fast, far below PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

export interface OneRosterImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Issue 3, part 1: a OneRoster 1.1 CSV bundle into the district's schools, staff, students,
 * guardians, class sections and rosters. Upserts by sourcedId, so importing the same files
 * twice changes nothing; `tobedeleted` deactivates; a bad row is reported with its file and
 * line while the good rows land; a bundle that is not OneRoster is refused before anything
 * is written. Files are streamed and written ~1,000 rows per statement.
 */
export async function importOneRoster(
  ctx: UseCaseContext,
  bundle: FileBundle,
  options: OneRosterImportOptions = {},
): Promise<ImportRunResult> {
  if (ctx.actor.role !== "admin") {
    throw new ForbiddenError("Only district admins import rosters.");
  }
  return runRecordedImport(ctx, "oneroster", bundle.name, async (tx) => {
    const manifest = await inspectBundle(bundle);
    const run = new RosterImport(tx, ctx.actor.tenantId, bundle, manifest, options.onProgress);
    await run.execute();
    return {
      summary: run.summary as ImportSummary,
      rejected: run.rejections.rows,
      rejectedTotal: run.rejections.total,
    };
  });
}

async function readHeader(bundle: FileBundle, file: string): Promise<string[]> {
  for await (const record of readCsv(bundle.open(file))) return record.fields.map((f) => f.trim());
  return [];
}

/** Refuses, before any write, an upload that is not a OneRoster 1.1 CSV bundle. */
async function inspectBundle(bundle: FileBundle): Promise<Manifest> {
  const manifestFile = findFile(bundle, "manifest.csv");
  if (!manifestFile) {
    throw new BundleRefusedError(
      "This is not a OneRoster bundle: it has no manifest.csv. Export OneRoster 1.1 CSV from your student information system.",
    );
  }
  const properties = new Map<string, string>();
  for await (const row of readCsvRows(bundle.open(manifestFile), (header) => {
    if (missingColumns("manifest.csv", header).length > 0) {
      throw new BundleRefusedError("manifest.csv does not have the columns propertyName,value.");
    }
  })) {
    properties.set(row.get("propertyName"), row.get("value"));
  }
  const manifest = parseManifest(properties);
  if (typeof manifest === "string") throw new BundleRefusedError(manifest);

  for (const file of Object.keys(ONEROSTER_FILES) as OneRosterFile[]) {
    if (file === "manifest.csv") continue;
    const found = findFile(bundle, file);
    if (!found) {
      if (REQUIRED_FILES.includes(file) && manifest.modes[file] !== "absent") {
        throw new BundleRefusedError(`This OneRoster bundle lacks ${file}.`);
      }
      continue;
    }
    const missing = missingColumns(file, await readHeader(bundle, found));
    if (missing.length > 0) {
      throw new BundleRefusedError(
        `${file} is not a OneRoster 1.1 file: its header lacks ${missing.join(", ")}.`,
      );
    }
  }
  return manifest;
}

interface PendingLink {
  studentSourcedId: string;
  guardianSourcedId: string;
  line: number;
}

class RosterImport {
  readonly summary = emptySummary(KINDS);
  readonly rejections = new RejectionLog();
  private birthDates: Map<string, string | null> | null = null;
  private schoolIds = new Map<string, string>();
  private courses = new Map<string, { title: string; subject: string | null }>();
  private readonly pendingLinks: PendingLink[] = [];
  private readonly guardianRelationships = new Map<string, string>();
  /** Students whose users.csv row landed: a bulk roster is the truth about their guardians. */
  private readonly importedStudents: string[] = [];
  /** Active classes of classes.csv: a bulk enrollments file is the truth about their rosters. */
  private readonly classesInFile = new Set<string>();

  constructor(
    private readonly tx: Tx,
    private readonly tenantId: string,
    private readonly bundle: FileBundle,
    private readonly manifest: Manifest,
    private readonly onProgress?: (progress: ImportProgress) => void,
  ) {}

  async execute(): Promise<void> {
    await preferBulkPlans(this.tx);
    await this.readDemographics();
    await this.importOrgs();
    await this.readCourses();
    await this.importUsers();
    await this.importGuardianLinks();
    await this.importClasses();
    await this.importEnrollments();
  }

  private mode(file: OneRosterFile): FileMode {
    return this.manifest.modes[file] ?? "bulk";
  }

  private reject(kind: Kind | null, file: string, line: number, reason: string): void {
    if (kind) this.summary[kind].rejected += 1;
    this.rejections.add({ file, line, reason });
  }

  /**
   * The rows of `file` parsed by `parse`; rows that fail are rejected here with their line.
   * Duplicate sourcedIds within the file are rejected too: the second would silently win.
   */
  private async *parsed<T extends { sourcedId: string }>(
    file: OneRosterFile,
    parse: (row: CsvRow) => RowResult<T>,
    kindOf: (row: CsvRow) => Kind | null,
  ): AsyncGenerator<{ line: number; value: T }> {
    const name = findFile(this.bundle, file);
    if (!name) return;
    const seen = new Map<string, number>();
    let count = 0;
    for await (const row of readCsvRows(this.bundle.open(name), () => {})) {
      count += 1;
      if (count % BATCH === 0) this.onProgress?.({ file, rows: count });
      const result = parse(row);
      if (!result.ok) {
        this.reject(kindOf(row), file, row.line, result.reason);
        continue;
      }
      const first = seen.get(result.value.sourcedId);
      if (first !== undefined) {
        this.reject(
          kindOf(row),
          file,
          row.line,
          `sourcedId ${result.value.sourcedId} appears again (first on line ${first}).`,
        );
        continue;
      }
      seen.set(result.value.sourcedId, row.line);
      yield { line: row.line, value: result.value };
    }
    this.onProgress?.({ file, rows: count });
  }

  private count(kind: Kind, written: { inserted: boolean }[], batchSize: number): void {
    const created = written.filter((w) => w.inserted).length;
    this.summary[kind].created += created;
    this.summary[kind].updated += written.length - created;
    this.summary[kind].unchanged += batchSize - written.length;
  }

  private async readDemographics(): Promise<void> {
    if (!findFile(this.bundle, "demographics.csv")) return;
    this.birthDates = new Map();
    for await (const { value } of this.parsed("demographics.csv", parseDemographics, () => null)) {
      this.birthDates.set(value.sourcedId, value.birthDate);
    }
  }

  private async importOrgs(): Promise<void> {
    let batch: { line: number; name: string; code: string | null; sourcedId: string }[] = [];
    const flush = async () => {
      const withCode = batch.flatMap((s) =>
        s.code ? [{ sourceId: s.sourcedId, code: s.code }] : [],
      );
      await adoptSchoolsByCode(this.tx, this.tenantId, withCode);
      const written = await upsertBySourceId(
        this.tx,
        schools,
        batch.map((s) => ({
          tenantId: this.tenantId,
          name: s.name,
          code: s.code,
          sourceId: s.sourcedId,
        })),
        ["name", "code"],
      );
      this.count("schools", written, batch.length);
      batch = [];
    };
    for await (const { line, value } of this.parsed("orgs.csv", parseOrg, (row) =>
      row.get("type").toLowerCase() === "school" ? "schools" : null,
    )) {
      if (!value.isSchool) continue;
      if (value.status === "tobedeleted") {
        this.reject(
          "schools",
          "orgs.csv",
          line,
          "A school is not removed by an import (students and staff still belong to it); deactivate its people through users.csv.",
        );
        continue;
      }
      batch.push({ line, ...value });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    this.schoolIds = await idsBySourceId(this.tx, schools, this.tenantId);
  }

  private async readCourses(): Promise<void> {
    for await (const { value } of this.parsed("courses.csv", parseCourse, () => null)) {
      this.courses.set(value.sourcedId, { title: value.title, subject: value.subject });
    }
  }

  private schoolOf(orgSourcedIds: readonly string[]): string | undefined {
    for (const id of orgSourcedIds) {
      const school = this.schoolIds.get(id);
      if (school) return school;
    }
    return undefined;
  }

  private async importUsers(): Promise<void> {
    const file = "users.csv";
    type Student = Extract<UserRecord, { kind: "student" }>;
    type Staff = Extract<UserRecord, { kind: "staff" }>;
    type Guardian = Extract<UserRecord, { kind: "guardian" }>;
    let studentBatch: { line: number; user: Student; schoolId: string }[] = [];
    let staffBatch: Staff[] = [];
    let guardianBatch: Guardian[] = [];
    const removals: Record<"students" | "teachers" | "guardians", string[]> = {
      students: [],
      teachers: [],
      guardians: [],
    };
    /** Student numbers used in this file, so two rows cannot claim one. */
    const localIds = new Map<string, number>();
    const withBirthDate = this.birthDates !== null;

    // Student numbers are unique in the district: who holds each, before this batch is written.
    const taken = await studentNumbers(this.tx, this.tenantId);
    const numberOf = new Map(
      [...taken].flatMap(([number, owner]) => (owner ? [[owner, number] as const] : [])),
    );
    const flushStudents = async () => {
      const accepted = studentBatch.filter(({ line, user }) => {
        const owner = taken.get(user.localId);
        if (owner === undefined || owner === user.sourcedId) return true;
        this.reject(
          "students",
          file,
          line,
          `identifier ${user.localId} is already the student number of another student.`,
        );
        return false;
      });
      const written = await upsertBySourceId(
        this.tx,
        students,
        accepted.map(({ user, schoolId }) => ({
          tenantId: this.tenantId,
          schoolId,
          localId: user.localId,
          firstName: user.firstName,
          lastName: user.lastName,
          grade: user.grade,
          birthDate: this.birthDates?.get(user.sourcedId) ?? null,
          sourceId: user.sourcedId,
          active: true,
        })),
        withBirthDate
          ? ["schoolId", "localId", "firstName", "lastName", "grade", "birthDate", "active"]
          : ["schoolId", "localId", "firstName", "lastName", "grade", "active"],
      );
      this.count("students", written, accepted.length);
      for (const { user } of accepted) {
        this.importedStudents.push(user.sourcedId);
        const previous = numberOf.get(user.sourcedId);
        if (previous !== undefined && previous !== user.localId) taken.delete(previous);
        taken.set(user.localId, user.sourcedId);
        numberOf.set(user.sourcedId, user.localId);
      }
      studentBatch = [];
    };
    const flushStaff = async () => {
      const written = await upsertBySourceId(
        this.tx,
        staff,
        staffBatch.map((user) => ({
          tenantId: this.tenantId,
          schoolId: this.schoolOf(user.orgSourcedIds) ?? null,
          firstName: user.firstName,
          lastName: user.lastName,
          // Only on creation: a display name like "Ms. Johnson" set in NorthStar is kept.
          displayName: `${user.firstName} ${user.lastName}`,
          email: user.email,
          phone: user.phone,
          sourceId: user.sourcedId,
          active: true,
        })),
        ["schoolId", "firstName", "lastName", "email", "phone", "active"],
      );
      this.count("teachers", written, staffBatch.length);
      staffBatch = [];
    };
    const flushGuardians = async () => {
      const written = await upsertBySourceId(
        this.tx,
        guardians,
        guardianBatch.map((user) => ({
          tenantId: this.tenantId,
          firstName: user.firstName,
          lastName: user.lastName,
          email: user.email,
          phone: user.phone,
          language: user.language,
          sourceId: user.sourcedId,
        })),
        ["firstName", "lastName", "email", "phone", "language"],
      );
      this.count("guardians", written, guardianBatch.length);
      guardianBatch = [];
    };

    const kindOfRow = (row: CsvRow): Kind | null => {
      const role = row.get("role").toLowerCase();
      if (role === "student") return "students";
      if (role === "parent" || role === "guardian" || role === "relative") return "guardians";
      if (role === "teacher" || role === "aide" || role === "administrator") return "teachers";
      return null;
    };

    for await (const { line, value: user } of this.parsed(file, parseUser, kindOfRow)) {
      if (user.status === "tobedeleted") {
        const kind =
          user.kind === "student" ? "students" : user.kind === "staff" ? "teachers" : "guardians";
        removals[kind].push(user.sourcedId);
        continue;
      }
      if (user.kind === "student") {
        const schoolId = this.schoolOf(user.orgSourcedIds);
        if (!schoolId) {
          this.reject(
            "students",
            file,
            line,
            `orgSourcedIds (${user.orgSourcedIds.join(", ")}) names no school of this roster.`,
          );
          continue;
        }
        const firstUse = localIds.get(user.localId);
        if (firstUse !== undefined) {
          this.reject(
            "students",
            file,
            line,
            `identifier ${user.localId} is used again (first on line ${firstUse}).`,
          );
          continue;
        }
        localIds.set(user.localId, line);
        for (const agent of user.agentSourcedIds) {
          this.pendingLinks.push({
            studentSourcedId: user.sourcedId,
            guardianSourcedId: agent,
            line,
          });
        }
        studentBatch.push({ line, user, schoolId });
        if (studentBatch.length >= BATCH) await flushStudents();
      } else if (user.kind === "staff") {
        staffBatch.push(user);
        if (staffBatch.length >= BATCH) await flushStaff();
      } else {
        this.guardianRelationships.set(user.sourcedId, user.relationship);
        for (const child of user.agentSourcedIds) {
          this.pendingLinks.push({
            studentSourcedId: child,
            guardianSourcedId: user.sourcedId,
            line,
          });
        }
        guardianBatch.push(user);
        if (guardianBatch.length >= BATCH) await flushGuardians();
      }
    }
    await flushStudents();
    await flushStaff();
    await flushGuardians();
    await this.deactivate(removals);
  }

  /** `tobedeleted` users: staff and students deactivated, guardians unlinked from every child. */
  private async deactivate(removals: Record<"students" | "teachers" | "guardians", string[]>) {
    for (let i = 0; i < removals.students.length; i += BATCH) {
      const chunk = removals.students.slice(i, i + BATCH);
      const n = await deactivateBySourceId(this.tx, students, this.tenantId, chunk);
      this.summary.students.deactivated += n;
      this.summary.students.unchanged += chunk.length - n;
    }
    for (let i = 0; i < removals.teachers.length; i += BATCH) {
      const chunk = removals.teachers.slice(i, i + BATCH);
      const n = await deactivateBySourceId(this.tx, staff, this.tenantId, chunk);
      this.summary.teachers.deactivated += n;
      this.summary.teachers.unchanged += chunk.length - n;
    }
    for (let i = 0; i < removals.guardians.length; i += BATCH) {
      const chunk = removals.guardians.slice(i, i + BATCH);
      const ids = await idsBySourceId(this.tx, guardians, this.tenantId, chunk);
      const n = await unlinkGuardians(this.tx, this.tenantId, [...ids.values()]);
      this.summary.guardians.deactivated += n;
      this.summary.guardians.unchanged += chunk.length - n;
    }
  }

  /**
   * Guardians are tied to children through agentSourcedIds, from either side. A bulk users.csv
   * is the whole truth about each child in it: a guardian no longer named loses the link (and
   * with it the portal's view of the child), which matters when custody changes.
   */
  private async importGuardianLinks(): Promise<void> {
    const file = "users.csv";
    const studentIds = await idsBySourceId(this.tx, students, this.tenantId);
    const guardianIds = await idsBySourceId(this.tx, guardians, this.tenantId);
    const wanted = new Map<string, GuardianLink>();
    for (const link of this.pendingLinks) {
      const studentId = studentIds.get(link.studentSourcedId);
      const guardianId = guardianIds.get(link.guardianSourcedId);
      if (!studentId || !guardianId) {
        const missing = studentId ? link.guardianSourcedId : link.studentSourcedId;
        this.reject(
          "guardianLinks",
          file,
          link.line,
          `agentSourcedIds: ${missing} is not ${studentId ? "a guardian" : "a student"} of this roster.`,
        );
        continue;
      }
      wanted.set(`${studentId}:${guardianId}`, {
        studentId,
        guardianId,
        relationship: this.guardianRelationships.get(link.guardianSourcedId) ?? "guardian",
      });
    }
    const links = [...wanted.values()];
    for (let i = 0; i < links.length; i += BATCH) {
      const chunk = links.slice(i, i + BATCH);
      const created = await linkGuardians(this.tx, this.tenantId, chunk);
      this.summary.guardianLinks.created += created;
      this.summary.guardianLinks.unchanged += chunk.length - created;
    }
    if (this.mode("users.csv") !== "bulk") return;
    const imported = new Set(this.importedStudents.flatMap((s) => studentIds.get(s) ?? []));
    const stale = (await rosterGuardianLinks(this.tx, this.tenantId)).filter(
      (l) => imported.has(l.studentId) && !wanted.has(`${l.studentId}:${l.guardianId}`),
    );
    for (let i = 0; i < stale.length; i += BATCH) {
      this.summary.guardianLinks.deactivated += await removeGuardianLinks(
        this.tx,
        this.tenantId,
        stale.slice(i, i + BATCH),
      );
    }
  }

  private async importClasses(): Promise<void> {
    const file = "classes.csv";
    let batch: ClassRecord[] = [];
    const removed: string[] = [];
    const flush = async () => {
      const written = await upsertBySourceId(
        this.tx,
        sections,
        batch.map((c) => {
          const course = this.courses.get(c.courseSourcedId);
          return {
            tenantId: this.tenantId,
            schoolId: this.schoolIds.get(c.schoolSourcedId) as string,
            name: c.name,
            subject: (c.subject ?? course?.subject ?? course?.title ?? null)?.slice(0, 100) ?? null,
            sourceId: c.sourcedId,
          };
        }),
        ["schoolId", "name", "subject"],
      );
      this.count("classes", written, batch.length);
      batch = [];
    };
    for await (const { line, value } of this.parsed(file, parseClass, () => "classes")) {
      if (value.status === "tobedeleted") {
        removed.push(value.sourcedId);
        continue;
      }
      if (!this.schoolIds.has(value.schoolSourcedId)) {
        this.reject(
          "classes",
          file,
          line,
          `schoolSourcedId ${value.schoolSourcedId} is not a school of this roster.`,
        );
        continue;
      }
      this.classesInFile.add(value.sourcedId);
      batch.push(value);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    // A class taken off the roster keeps its history but no longer ties a teacher to students.
    const ids = [...(await idsBySourceId(this.tx, sections, this.tenantId, removed)).values()];
    const roster = await rostersOf(this.tx, this.tenantId, ids);
    const untaught = await setSectionTeachers(
      this.tx,
      this.tenantId,
      ids.map((sectionId) => ({ sectionId, teacherId: null })),
    );
    await removeFromRosters(this.tx, this.tenantId, roster);
    const changed = new Set([...untaught, ...roster.map((p) => p.sectionId)]).size;
    this.summary.classes.deactivated += changed;
    this.summary.classes.unchanged += removed.length - changed;
  }

  private async importEnrollments(): Promise<void> {
    const file = "enrollments.csv";
    const sectionIds = await idsBySourceId(this.tx, sections, this.tenantId);
    const studentIds = await idsBySourceId(this.tx, students, this.tenantId);
    const staffIds = await idsBySourceId(this.tx, staff, this.tenantId);
    const counts = this.summary.enrollments;
    const wanted = new Set<string>();
    const teachers = new Map<string, { staffId: string; primary: boolean }>();
    const teacherRemovals: { sectionId: string; staffId: string }[] = [];
    let teacherRows = 0;
    let additions: RosterPair[] = [];
    let removals: RosterPair[] = [];

    const flushAdditions = async () => {
      const created = await addToRosters(this.tx, this.tenantId, additions);
      counts.created += created;
      counts.unchanged += additions.length - created;
      additions = [];
    };
    const flushRemovals = async () => {
      const removed = await removeFromRosters(this.tx, this.tenantId, removals);
      counts.deactivated += removed;
      counts.unchanged += removals.length - removed;
      removals = [];
    };

    for await (const { line, value } of this.parsed(file, parseEnrollment, () => "enrollments")) {
      const resolved = this.resolveEnrollment(
        value,
        sectionIds,
        value.role === "student" ? studentIds : staffIds,
      );
      if (typeof resolved === "string") {
        this.reject("enrollments", file, line, resolved);
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
        removals.push({ sectionId, studentId: personId });
        if (removals.length >= BATCH) await flushRemovals();
      } else {
        wanted.add(`${sectionId}:${personId}`);
        additions.push({ sectionId, studentId: personId });
        if (additions.length >= BATCH) await flushAdditions();
      }
    }
    await flushAdditions();
    await flushRemovals();
    await this.assignTeachers(teachers, teacherRows, teacherRemovals);
    if (this.mode("enrollments.csv") === "bulk")
      await this.syncBulkRosters(sectionIds, wanted, teachers);
  }

  private resolveEnrollment(
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
  private async assignTeachers(
    teachers: Map<string, { staffId: string; primary: boolean }>,
    teacherRows: number,
    removals: { sectionId: string; staffId: string }[],
  ): Promise<void> {
    const counts = this.summary.enrollments;
    const before = await teachersOf(this.tx, this.tenantId, [...teachers.keys()]);
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
    await setSectionTeachers(this.tx, this.tenantId, changes);
    counts.unchanged += teacherRows - teachers.size;
    for (const { sectionId, staffId } of removals) {
      if (teachers.get(sectionId)?.staffId === staffId) continue;
      if (await clearSectionTeacher(this.tx, this.tenantId, sectionId, staffId))
        counts.deactivated += 1;
      else counts.unchanged += 1;
    }
  }

  /**
   * A bulk enrollments file lists every roster of the classes it carries: a student missing
   * from it has left the class, and a class without a teacher row has no teacher. Without this
   * a teacher would keep seeing children who moved to another class.
   */
  private async syncBulkRosters(
    sectionIds: Map<string, string>,
    wanted: Set<string>,
    teachers: Map<string, { staffId: string }>,
  ): Promise<void> {
    const inFile = [...this.classesInFile].flatMap((s) => sectionIds.get(s) ?? []);
    const stale = (await rostersOf(this.tx, this.tenantId, inFile)).filter(
      (p) => !wanted.has(`${p.sectionId}:${p.studentId}`),
    );
    for (let i = 0; i < stale.length; i += BATCH) {
      this.summary.enrollments.deactivated += await removeFromRosters(
        this.tx,
        this.tenantId,
        stale.slice(i, i + BATCH),
      );
    }
    const untaught = await setSectionTeachers(
      this.tx,
      this.tenantId,
      inFile.filter((id) => !teachers.has(id)).map((sectionId) => ({ sectionId, teacherId: null })),
    );
    this.summary.enrollments.deactivated += untaught.length;
  }
}
