import { type RosterStudent, studentNumbers, upsertStudents } from "@/db/queries/imports/users";
import type { UserRecord } from "@/lib/domain/imports/oneroster/users";
import { Batches, type RosterRun } from "./roster-run";

type Student = Extract<UserRecord, { kind: "student" }>;

/**
 * The student rows of users.csv, written a batch at a time. A student number (identifier) is
 * unique in the district: a row claiming one used in this file or held by another student is
 * rejected with its line, rather than failing the whole import on the unique index.
 */
export class StudentWriter {
  /** sourcedIds of the students written: a bulk roster is the truth about their guardians. */
  readonly imported: string[] = [];
  /** Student numbers used in this file, so two rows cannot claim one. */
  private readonly inFile = new Map<string, number>();
  private readonly batches = new Batches<{ line: number; user: Student; schoolId: string }>(
    (batch) => this.write(batch),
  );

  private constructor(
    private readonly run: RosterRun,
    private readonly birthDates: Map<string, string | null> | null,
    /** Who holds each student number (by sourcedId, null for a student typed in by hand). */
    private readonly taken: Map<string, string | null>,
    /** The number each student holds, kept in step with `taken`. */
    private readonly numberOf: Map<string, string>,
  ) {}

  static async start(run: RosterRun, birthDates: Map<string, string | null> | null) {
    // Read once and kept up to date in memory, rather than looked up per batch.
    const taken = await studentNumbers(run.tx, run.tenantId);
    const numberOf = new Map(
      [...taken].flatMap(([number, owner]) => (owner ? [[owner, number] as const] : [])),
    );
    return new StudentWriter(run, birthDates, taken, numberOf);
  }

  /** Queues the student for writing; false (and the row rejected) when its number is taken. */
  async add(line: number, user: Student, schoolId: string): Promise<boolean> {
    const firstUse = this.inFile.get(user.localId);
    if (firstUse !== undefined) {
      this.run.reject(
        "students",
        "users.csv",
        line,
        `identifier ${user.localId} is used again (first on line ${firstUse}).`,
      );
      return false;
    }
    this.inFile.set(user.localId, line);
    await this.batches.add({ line, user, schoolId });
    return true;
  }

  flush(): Promise<void> {
    return this.batches.flush();
  }

  private async write(batch: { line: number; user: Student; schoolId: string }[]) {
    const { run, taken, numberOf } = this;
    const accepted = batch.filter(({ line, user }) => {
      const owner = taken.get(user.localId);
      if (owner === undefined || owner === user.sourcedId) return true;
      run.reject(
        "students",
        "users.csv",
        line,
        `identifier ${user.localId} is already the student number of another student.`,
      );
      return false;
    });
    const rows: RosterStudent[] = accepted.map(({ user, schoolId }) => ({
      schoolId,
      localId: user.localId,
      firstName: user.firstName,
      lastName: user.lastName,
      grade: user.grade,
      birthDate: this.birthDates?.get(user.sourcedId) ?? null,
      sourceId: user.sourcedId,
      active: true,
    }));
    const written = await upsertStudents(run.tx, run.tenantId, rows, {
      withBirthDate: this.birthDates !== null,
    });
    run.count("students", written, accepted.length);
    for (const { user } of accepted) {
      this.imported.push(user.sourcedId);
      const previous = numberOf.get(user.sourcedId);
      if (previous !== undefined && previous !== user.localId) taken.delete(previous);
      taken.set(user.localId, user.sourcedId);
      numberOf.set(user.sourcedId, user.localId);
    }
  }
}
