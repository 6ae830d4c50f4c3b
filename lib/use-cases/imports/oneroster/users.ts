import { deactivateBySourceId, idsBySourceId } from "@/db/queries/imports/bulk";
import { unlinkGuardians } from "@/db/queries/imports/guardians";
import { type RosterStaff, upsertStaff } from "@/db/queries/imports/users";
import type { CsvRow } from "@/lib/domain/imports/csv";
import { kindOfRole, parseUser, type UserRecord } from "@/lib/domain/imports/oneroster/users";
import { GuardianWriter } from "./guardians";
import { Batches, inBatches, type Kind, type RosterRun } from "./roster-run";
import { StudentWriter } from "./students";

type Removals = Record<"students" | "teachers" | "guardians", string[]>;

const KIND_OF: Record<UserRecord["kind"], "students" | "teachers" | "guardians"> = {
  student: "students",
  staff: "teachers",
  guardian: "guardians",
};

/** What users.csv leaves for the next steps. */
export interface UsersImported {
  /** sourcedIds of the students written. */
  students: readonly string[];
  /** The guardians' links to children, to be tied once every person is written. */
  guardians: GuardianWriter;
}

/**
 * users.csv: students, staff and guardians, each kind written a batch at a time as its rows
 * come. A student must belong to a school of the roster; `tobedeleted` deactivates students and
 * staff and unlinks guardians, once the whole file is read.
 */
export async function importUsers(
  run: RosterRun,
  known: {
    schoolIds: ReadonlyMap<string, string>;
    birthDates: Map<string, string | null> | null;
  },
): Promise<UsersImported> {
  const file = "users.csv";
  const schoolOf = (orgSourcedIds: readonly string[]) => {
    for (const id of orgSourcedIds) {
      const school = known.schoolIds.get(id);
      if (school) return school;
    }
    return undefined;
  };
  const students = await StudentWriter.start(run, known.birthDates);
  const guardians = new GuardianWriter(run);
  const staff = new Batches<RosterStaff>(async (rows) => {
    run.count("teachers", await upsertStaff(run.tx, run.tenantId, rows), rows.length);
  });
  const removals: Removals = { students: [], teachers: [], guardians: [] };
  const kindOfRow = (row: CsvRow): Kind | null => {
    const kind = kindOfRole(row.get("role"));
    return kind ? KIND_OF[kind] : null;
  };

  for await (const { line, value: user } of run.parsed(file, parseUser, kindOfRow)) {
    if (user.status === "tobedeleted") {
      removals[KIND_OF[user.kind]].push(user.sourcedId);
      continue;
    }
    if (user.kind === "student") {
      const schoolId = schoolOf(user.orgSourcedIds);
      if (!schoolId) {
        run.reject(
          "students",
          file,
          line,
          `orgSourcedIds (${user.orgSourcedIds.join(", ")}) names no school of this roster.`,
        );
        continue;
      }
      if (await students.add(line, user, schoolId)) guardians.linkStudent(line, user);
    } else if (user.kind === "staff") {
      await staff.add({
        schoolId: schoolOf(user.orgSourcedIds) ?? null,
        firstName: user.firstName,
        lastName: user.lastName,
        displayName: `${user.firstName} ${user.lastName}`,
        email: user.email,
        phone: user.phone,
        sourceId: user.sourcedId,
        active: true,
      });
    } else {
      await guardians.add(line, user);
    }
  }
  await students.flush();
  await staff.flush();
  await guardians.flush();
  await deactivate(run, removals);
  return { students: students.imported, guardians };
}

/** `tobedeleted` users: staff and students deactivated, guardians unlinked from every child. */
async function deactivate(run: RosterRun, removals: Removals): Promise<void> {
  const { tx, tenantId, summary } = run;
  await inBatches(removals.students, async (chunk) => {
    const n = await deactivateBySourceId(tx, "students", tenantId, chunk);
    summary.students.deactivated += n;
    summary.students.unchanged += chunk.length - n;
  });
  await inBatches(removals.teachers, async (chunk) => {
    const n = await deactivateBySourceId(tx, "staff", tenantId, chunk);
    summary.teachers.deactivated += n;
    summary.teachers.unchanged += chunk.length - n;
  });
  await inBatches(removals.guardians, async (chunk) => {
    const ids = await idsBySourceId(tx, "guardians", tenantId, chunk);
    const n = await unlinkGuardians(tx, tenantId, [...ids.values()]);
    summary.guardians.deactivated += n;
    summary.guardians.unchanged += chunk.length - n;
  });
}
