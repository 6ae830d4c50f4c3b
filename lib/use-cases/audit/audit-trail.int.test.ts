import { randomUUID } from "node:crypto";
import { and, desc, eq, notInArray, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { auditLog, auditSeals, disclosures, outbox, students, tierChanges } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { auditQuerySchema } from "@/lib/domain/audit/schemas";
import { todayIn } from "@/lib/domain/calendar/dates";
import { ForbiddenError, UnprocessableError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { changeTierSchema } from "@/lib/domain/tiers/schemas";
import { DEMO_ACCOUNTS, loadDemoActor, NAMED_STUDENTS } from "@/scripts/seed/accounts";
import { sealAsWorker } from "@/test/support/audit-seals";
import { contextOf } from "@/test/support/context";
import { getStudentProgress } from "../progress/get-student-progress";
import { listInterventionNotes } from "../progress/list-intervention-notes";
import { getStudentProfile } from "../students/get-student-profile";
import { changeTier } from "../tiers/change-tier";
import { exportStudentRecord } from "./export-student-record";
import { getStudentRecord } from "./get-student-record";
import { searchAuditTrail } from "./search-audit-trail";
import { verifyAuditChains } from "./verify-audit-chain";

let app: DatabaseHandle;
let owner: DatabaseHandle;
let admin: Actor;
let specialist: Actor;
let teacher: Actor;
let studentId: string;

function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code;
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the database to refuse, but it did not");
}

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  owner = connect(inject("ownerUrl"), { max: 2 });
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  specialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
  teacher = await loadDemoActor(app.db, DEMO_ACCOUNTS.teacher);
  const [student] = await withTenant(app.db, admin, (tx) =>
    tx
      .select({ id: students.id })
      .from(students)
      .where(
        and(
          eq(students.tenantId, admin.tenantId),
          eq(students.currentTier, 1),
          // Not one of the named demo children other tests follow.
          notInArray(
            students.firstName,
            NAMED_STUDENTS.map((s) => s.firstName),
          ),
        ),
      )
      .orderBy(desc(students.localId))
      .limit(1),
  );
  if (!student) throw new Error("No tier-1 student in the demo district");
  studentId = student.id;
});

afterAll(async () => {
  await app.close();
  await owner.close();
});

describe("the audit table is append-only for the app role", () => {
  it.each([
    ["UPDATE", sql`update intervention.audit_log set reason = 'rewritten'`],
    ["DELETE", sql`delete from intervention.audit_log`],
    ["TRUNCATE", sql`truncate intervention.audit_log`],
  ])("refuses %s", async (_verb, statement) => {
    const error = await refusal(withTenant(app.db, admin, (tx) => tx.execute(statement)));
    expect(sqlState(error)).toBe("42501");
  });
});

describe("a tier change with a reason", () => {
  it("is recorded in the timeline, the student, the outbox and the audit trail, and found in the viewer", async () => {
    const reason = "Below the aim line for 6 weeks in Tier 2; team agreed on Tier 3.";
    const input = changeTierSchema.parse({ toTier: 2, reason });
    const result = await changeTier(
      contextOf(app.db, specialist),
      studentId,
      input,
      `tier-${randomUUID()}`,
    );
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      studentId,
      fromTier: 1,
      toTier: 2,
      decision: "escalate",
      reason,
    });

    await withTenant(app.db, admin, async (tx) => {
      const [student] = await tx.select().from(students).where(eq(students.id, studentId));
      expect(student?.currentTier).toBe(2);
      const [change] = await tx
        .select()
        .from(tierChanges)
        .where(eq(tierChanges.id, result.body.id));
      expect(change?.justification).toBe(reason);
      const events = await tx
        .select()
        .from(outbox)
        .where(sql`${outbox.data}->>'tierChangeId' = ${result.body.id}`);
      expect(events.map((e) => e.type)).toEqual(["TierEscalatedEvent"]);
    });

    const page = await searchAuditTrail(
      contextOf(app.db, admin),
      auditQuerySchema.parse({ studentId, action: "student.tier_changed" }),
    );
    expect(page.items[0]).toMatchObject({
      action: "student.tier_changed",
      reason,
      actorUserId: specialist.userId,
      actorName: specialist.name,
      actorRole: "specialist",
      before: { currentTier: 1 },
    });
    const byPerson = await searchAuditTrail(
      contextOf(app.db, admin),
      auditQuerySchema.parse({ userId: specialist.userId, limit: 5 }),
    );
    expect(byPerson.items.every((row) => row.actorUserId === specialist.userId)).toBe(true);
  });

  it("needs a justification, a manager, and a different tier", async () => {
    expect(changeTierSchema.safeParse({ toTier: 3, reason: "" }).success).toBe(false);
    expect(changeTierSchema.safeParse({ toTier: 3 }).success).toBe(false);
    const input = changeTierSchema.parse({ toTier: 3, reason: "A long enough justification." });
    await expect(changeTier(contextOf(app.db, teacher), studentId, input)).rejects.toThrow(
      ForbiddenError,
    );
    const same = changeTierSchema.parse({ toTier: 2, reason: "Already there, on purpose." });
    await expect(changeTier(contextOf(app.db, specialist), studentId, same)).rejects.toThrow(
      UnprocessableError,
    );
  });

  it("answers a retry with the same Idempotency-Key with the first response", async () => {
    const key = randomUUID();
    const input = changeTierSchema.parse({
      toTier: 1,
      reason: "Met the goal; back to core instruction.",
    });
    const first = await changeTier(contextOf(app.db, specialist), studentId, input, key);
    const again = await changeTier(contextOf(app.db, specialist), studentId, input, key);
    expect(again.replayed).toBe(true);
    expect(again.body.id).toBe(first.body.id);
  });
});

describe("the viewer", () => {
  it("filters by a range of district dates and pages with a cursor", async () => {
    // The filter takes the district's dates: in Chicago's evening it is already tomorrow in UTC.
    const today = todayIn(admin.timeZone, now());
    const first = await searchAuditTrail(
      contextOf(app.db, admin),
      auditQuerySchema.parse({ from: today, to: today, limit: 3 }),
    );
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await searchAuditTrail(
      contextOf(app.db, admin),
      auditQuerySchema.parse({ from: today, to: today, limit: 3, cursor: first.nextCursor }),
    );
    expect(second.items[0]?.id).toBeLessThan(first.items[2]?.id ?? 0);
    const past = await searchAuditTrail(
      contextOf(app.db, admin),
      auditQuerySchema.parse({ to: "2000-01-01" }),
    );
    expect(past.items).toHaveLength(0);
  });

  it("is for district admins only", async () => {
    await expect(
      searchAuditTrail(contextOf(app.db, specialist), auditQuerySchema.parse({})),
    ).rejects.toThrow(ForbiddenError);
  });
});

describe("compliance exports", () => {
  it("log the reading of the record, and record every export as a disclosure", async () => {
    const readId = randomUUID();
    const record = await getStudentRecord(contextOf(app.db, admin, readId), studentId);
    expect(record.tierHistory.length).toBeGreaterThanOrEqual(2);
    const [read] = await withTenant(app.db, admin, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.requestId, readId)),
    );
    expect(read).toMatchObject({
      action: "student.read",
      entityType: "student",
      studentId,
      actorUserId: admin.userId,
    });

    const exportId = randomUUID();
    const exported = await exportStudentRecord(
      contextOf(app.db, admin, exportId),
      studentId,
      { disclosedTo: "IEP team, Maple Grove Elementary", purpose: "Annual IEP review" },
      "csv",
    );
    expect(exported.csv).toContain("Below the aim line for 6 weeks in Tier 2");
    expect(exported.csv?.split("\r\n")[0]).toBe("section,date,who,what,details,reason");
    await withTenant(app.db, admin, async (tx) => {
      const [disclosure] = await tx
        .select()
        .from(disclosures)
        .where(eq(disclosures.id, exported.disclosureId));
      expect(disclosure).toMatchObject({
        studentId,
        disclosedTo: "IEP team, Maple Grove Elementary",
        purpose: "Annual IEP review",
        disclosedBy: admin.userId,
        details: { kind: "compliance-export", format: "csv" },
      });
      const [audit] = await tx.select().from(auditLog).where(eq(auditLog.requestId, exportId));
      expect(audit).toMatchObject({
        action: "disclosure.recorded",
        entityId: exported.disclosureId,
        studentId,
      });
    });
  });
});

describe("reads of a student's records", () => {
  const readsOf = (requestId: string) =>
    withTenant(app.db, admin, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(eq(auditLog.requestId, requestId))
        .orderBy(auditLog.entityType),
    );

  async function emma(): Promise<string> {
    const [row] = await withTenant(app.db, admin, (tx) =>
      tx
        .select({ id: students.id })
        .from(students)
        .where(and(eq(students.firstName, "Emma"), eq(students.lastName, "Wilson"))),
    );
    if (!row) throw new Error("Emma Wilson is not in the demo district");
    return row.id;
  }

  it("by staff are logged with the reader, the student and the notes shown", async () => {
    const emmaId = await emma();
    const requestId = randomUUID();
    const progress = await getStudentProgress(contextOf(app.db, specialist, requestId), emmaId);
    expect(progress.notes.length).toBeGreaterThan(0);
    const rows = await readsOf(requestId);
    expect(rows.map((r) => [r.action, r.studentId, r.actorUserId])).toEqual([
      ["progress_note.read", emmaId, specialist.userId],
      ["student.read", emmaId, specialist.userId],
    ]);
    expect(rows[0]!.after).toEqual({
      view: "progress",
      noteIds: progress.notes.map((n) => n.id),
    });

    const profileRead = randomUUID();
    await getStudentProfile(contextOf(app.db, specialist, profileRead), emmaId);
    expect((await readsOf(profileRead)).map((r) => r.action)).toEqual(["student.read"]);

    const interventionId = progress.interventions[0]!.id;
    const notesRead = randomUUID();
    const { items } = await listInterventionNotes(
      contextOf(app.db, specialist, notesRead),
      interventionId,
    );
    const logged = await readsOf(notesRead);
    expect(logged.every((r) => r.action === "progress_note.read")).toBe(true);
    expect(logged.flatMap((r) => (r.after as { noteIds: string[] }).noteIds).sort()).toEqual(
      items.map((n) => n.id).sort(),
    );
  });

  it("by the child's own family are not logged", async () => {
    const parent = await loadDemoActor(app.db, DEMO_ACCOUNTS.parent);
    const requestId = randomUUID();
    await getStudentProgress(contextOf(app.db, parent, requestId), await emma());
    await getStudentProfile(contextOf(app.db, parent, requestId), await emma());
    expect(await readsOf(requestId)).toEqual([]);
  });
});

describe("audit:verify", () => {
  it("finds every district's chain intact", async () => {
    await sealAsWorker();
    const reports = await verifyAuditChains(owner.db, { sliceSize: 50 });
    expect(reports.length).toBeGreaterThanOrEqual(2);
    // Other test files may add districts of their own, some without a single audit row yet.
    for (const report of reports) expect(report.broken, report.name).toBeNull();
    expect(reports.find((r) => r.tenantId === admin.tenantId)?.rowsVerified).toBeGreaterThan(0);
  });

  it("names the row a superuser altered, with its district and place in the chain", async (test) => {
    const adminUrl = inject("adminUrl");
    if (!adminUrl) {
      // Both of CI's databases (embedded, and the machine's PostgreSQL) have a superuser: there
      // the tamper check must run, never be skipped.
      if (config().CI) throw new Error("CI runs without a superuser connection (adminUrl).");
      test.skip(
        "No superuser connection on this server (DATABASE_URL cannot manage roles): cannot tamper.",
      );
      return;
    }
    const superuser = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await sealAsWorker();
    const [target] = await withTenant(app.db, admin, (tx) =>
      tx
        .select({ id: auditLog.id, chainSeq: auditSeals.position, reason: auditLog.reason })
        .from(auditLog)
        .innerJoin(
          auditSeals,
          and(eq(auditSeals.tenantId, auditLog.tenantId), eq(auditSeals.auditId, auditLog.id)),
        )
        .where(eq(auditLog.action, "student.tier_changed"))
        .limit(1),
    );
    if (!target) throw new Error("No audit row to tamper with");
    try {
      // The append-only triggers refuse even a superuser, unless it turns triggers off first.
      await superuser.begin(async (tx) => {
        await tx`set local session_replication_role = replica`;
        await tx`update intervention.audit_log set reason = 'Parent requested it (rewritten)' where id = ${target.id}`;
      });
      const report = (await verifyAuditChains(owner.db, { sliceSize: 50 })).find(
        (r) => r.tenantId === admin.tenantId,
      );
      expect(report?.broken).toMatchObject({ id: target.id, chainSeq: target.chainSeq });
      expect(report?.broken?.problem).toMatch(/changed after it was sealed/);
      expect(report?.rowsVerified).toBe((target.chainSeq ?? 0) - 1);
    } finally {
      await superuser.begin(async (tx) => {
        await tx`set local session_replication_role = replica`;
        await tx`update intervention.audit_log set reason = ${target.reason} where id = ${target.id}`;
      });
      await superuser.end();
    }
    const restored = (await verifyAuditChains(owner.db)).find((r) => r.tenantId === admin.tenantId);
    expect(restored?.broken).toBeNull();
  });
});
