import { idsBySourceId } from "@/db/queries/imports/bulk";
import {
  type GuardianLink,
  linkGuardians,
  type RosterGuardian,
  removeGuardianLinks,
  rosterGuardianLinks,
  upsertGuardians,
} from "@/db/queries/imports/guardians";
import type { UserRecord } from "@/lib/domain/imports/oneroster/users";
import { Batches, inBatches, type RosterRun } from "./roster-run";

type Guardian = Extract<UserRecord, { kind: "guardian" }>;

/** A guardian named for a child (or a child for a guardian) on a line of users.csv. */
export interface PendingLink {
  studentSourcedId: string;
  guardianSourcedId: string;
  line: number;
}

/**
 * The guardian rows of users.csv, written a batch at a time, and the links to children that
 * users.csv names from either side (a student's agentSourcedIds, a guardian's), kept until
 * every student and guardian of the file is written.
 */
export class GuardianWriter {
  readonly links: PendingLink[] = [];
  private readonly relationships = new Map<string, string>();
  private readonly batches = new Batches<RosterGuardian>(async (rows) => {
    const written = await upsertGuardians(this.run.tx, this.run.tenantId, rows);
    this.run.count("guardians", written, rows.length);
  });

  constructor(private readonly run: RosterRun) {}

  linkStudent(line: number, student: { sourcedId: string; agentSourcedIds: string[] }): void {
    for (const agent of student.agentSourcedIds) {
      this.links.push({ studentSourcedId: student.sourcedId, guardianSourcedId: agent, line });
    }
  }

  async add(line: number, user: Guardian): Promise<void> {
    this.relationships.set(user.sourcedId, user.relationship);
    for (const child of user.agentSourcedIds) {
      this.links.push({ studentSourcedId: child, guardianSourcedId: user.sourcedId, line });
    }
    await this.batches.add({
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
      phone: user.phone,
      language: user.language,
      sourceId: user.sourcedId,
    });
  }

  flush(): Promise<void> {
    return this.batches.flush();
  }

  relationshipOf(guardianSourcedId: string): string {
    return this.relationships.get(guardianSourcedId) ?? "guardian";
  }
}

/**
 * Ties guardians to children as users.csv names them. A bulk users.csv is the whole truth about
 * each child in it: a guardian no longer named loses the link (and with it the portal's view of
 * the child), which matters when custody changes.
 */
export async function importGuardianLinks(
  run: RosterRun,
  guardians: GuardianWriter,
  importedStudents: readonly string[],
): Promise<void> {
  const file = "users.csv";
  const counts = run.summary.guardianLinks;
  const studentIds = await idsBySourceId(run.tx, "students", run.tenantId);
  const guardianIds = await idsBySourceId(run.tx, "guardians", run.tenantId);
  const wanted = new Map<string, GuardianLink>();
  for (const link of guardians.links) {
    const studentId = studentIds.get(link.studentSourcedId);
    const guardianId = guardianIds.get(link.guardianSourcedId);
    if (!studentId || !guardianId) {
      const missing = studentId ? link.guardianSourcedId : link.studentSourcedId;
      run.reject(
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
      relationship: guardians.relationshipOf(link.guardianSourcedId),
    });
  }
  await inBatches([...wanted.values()], async (chunk) => {
    const created = await linkGuardians(run.tx, run.tenantId, chunk);
    counts.created += created;
    counts.unchanged += chunk.length - created;
  });
  if (run.mode("users.csv") !== "bulk") return;
  const imported = new Set(importedStudents.flatMap((s) => studentIds.get(s) ?? []));
  const stale = (await rosterGuardianLinks(run.tx, run.tenantId)).filter(
    (l) => imported.has(l.studentId) && !wanted.has(`${l.studentId}:${l.guardianId}`),
  );
  await inBatches(stale, async (chunk) => {
    counts.deactivated += await removeGuardianLinks(run.tx, run.tenantId, chunk);
  });
}
