import { randomUUID } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Database, type DatabaseHandle } from "@/db/client";
import { auditLog, communications, familyRequests, guardians, studentGuardians } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import { parseInput } from "@/lib/domain/errors/from-zod";
import { recordFamilyRequestSchema } from "@/lib/domain/families/requests";
import type { Actor } from "@/lib/domain/policy";
import {
  contextOn,
  type Demo,
  loadDemo,
  rejection,
  rolledBack,
} from "@/test/support/demo-sessions";
import { exportStudentRecord } from "../audit/export-student-record";
import { getStudentProfile } from "../students/get-student-profile";
import { API_TOKEN_REQUEST, authenticateToken } from "../tokens/authenticate-token";
import { createApiToken } from "../tokens/create-api-token";
import { answerFamilyRequest } from "./answer-family-request";
import { listDisclosures } from "./list-disclosures";
import { listFamilyRequests, listOpenFamilyRequests } from "./list-family-requests";
import { listStudentCommunications } from "./list-student-communications";
import { recordContactRestriction } from "./record-contact-restriction";
import { recordFamilyRequest } from "./record-family-request";

/*
 * The family's part of a child's record (issue 13, point 3): the disclosure log, the messages to
 * the family, and the family's questions and amendment requests, for Emma Wilson and her mother
 * Jennifer (the demo's parent), against the seeded district.
 */

let app: DatabaseHandle;
let demo: Demo;
let emma: string;

const ctx = (actor: Actor, db: Database = app.db) => contextOn(db, actor);
const logOf = (actor: Actor, db?: Database) => listDisclosures(ctx(actor, db), emma);

/** Jennifer Wilson restricted from Emma by an admin, as /admin/families records it, within `fn`. */
async function whileRestricted(fn: (db: Database) => Promise<void>) {
  await rolledBack(app, async (db) => {
    const { admin, parent } = demo.actors;
    await recordContactRestriction(ctx(admin, db), {
      studentId: emma,
      guardianId: parent.guardianId!,
      reason: "Court order on file (test).",
    });
    await fn(db);
  });
}

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  demo = await loadDemo(app);
  emma = demo.student.Emma;
});

afterAll(async () => {
  await app.close();
});

describe("a child's disclosure log", () => {
  it("shows a guardian what left the school about their own child, and nothing of another child", async () => {
    const { admin, parent } = demo.actors;
    const iepTeam = `Riverside IEP team ${randomUUID().slice(0, 8)}`;
    const otherChild = `Lakeview clinic ${randomUUID().slice(0, 8)}`;
    await exportStudentRecord(
      ctx(admin),
      emma,
      { disclosedTo: iepTeam, purpose: "Annual IEP review" },
      "csv",
    );
    await exportStudentRecord(
      ctx(admin),
      demo.student.Sophia,
      { disclosedTo: otherChild, purpose: "Speech screening" },
      "print",
    );

    const { student, items } = await logOf(parent);
    expect(student).toMatchObject({ id: emma, firstName: "Emma", lastName: "Wilson" });
    const exported = items.find((item) => item.disclosedTo === iepTeam);
    expect(exported).toMatchObject({
      source: "recorded",
      purpose: "Annual IEP review",
      kind: "compliance-export",
      disclosedByName: admin.name,
      requests: 1,
    });
    expect(items.some((item) => item.disclosedTo === otherChild)).toBe(false);
    // Newest first.
    const times = items.map((item) => item.disclosedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("does not list staff reads in the app", async () => {
    const { parent, specialist, teacher } = demo.actors;
    const before = await logOf(parent);
    await getStudentProfile(ctx(specialist), emma);
    await getStudentProfile(ctx(teacher), emma);
    const after = await logOf(parent);
    expect(after.items).toEqual(before.items);
    // The reads were logged all the same: the school's own use, accounted for in the audit trail.
    const reads = await withTenant(app.db, specialist, (tx) =>
      tx
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.tenantId, specialist.tenantId),
            eq(auditLog.studentId, emma),
            eq(auditLog.action, "student.read"),
            inArray(auditLog.actorUserId, [specialist.userId, teacher.userId]),
          ),
        ),
    );
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });

  it("lists another service's reads through the API under the token's name, once a day", async () => {
    const { admin, parent } = demo.actors;
    const name = `Reading app sync ${randomUUID().slice(0, 8)}`;
    const created = await createApiToken(ctx(admin), { name, role: "specialist" });
    const service = await authenticateToken(app.db, `Bearer ${created.token}`, ctx(admin).now());
    const asService = () => ({
      ...ctx(service),
      requestId: `${API_TOKEN_REQUEST}${created.id}:${randomUUID()}`,
    });
    await getStudentProfile(asService(), emma);
    await getStudentProfile(asService(), emma);

    const read = (await logOf(parent)).items.find((item) => item.disclosedTo === name);
    expect(read).toMatchObject({
      source: "api",
      purpose: null,
      kind: null,
      views: ["profile"],
      requests: 2,
      disclosedByName: null,
    });
    expect(read?.id).toMatch(new RegExp(`^api-token:${created.id}:\\d{4}-\\d{2}-\\d{2}$`));
  });

  it("is read by the child's team: specialists, admins and the facilitators of her groups", async () => {
    const { admin, specialist, facilitator } = demo.actors;
    const parentView = await logOf(demo.actors.parent);
    expect((await logOf(specialist)).items).toEqual(parentView.items);
    expect((await logOf(admin)).items.length).toBe(parentView.items.length);
    // Mr. Alvarez with Ms. Johnson's staff record: a facilitator of Emma's Phonics group.
    const emmasFacilitator: Actor = { ...facilitator, staffId: specialist.staffId };
    expect((await logOf(emmasFacilitator)).student.id).toBe(emma);
  });

  it("is not found for another family, another district, a teacher, a facilitator of other groups, a restricted guardian", async () => {
    const { padre, cedarSpecialist, teacher, facilitator } = demo.actors;
    for (const outsider of [padre, cedarSpecialist, teacher, facilitator]) {
      for (const read of [listDisclosures, listStudentCommunications, listFamilyRequests]) {
        expect(await rejection(read(ctx(outsider), emma)), outsider.name).toBeInstanceOf(
          NotFoundError,
        );
      }
    }
    expect(await rejection(listDisclosures(ctx(padre), randomUUID()))).toBeInstanceOf(
      NotFoundError,
    );
    // The padre's own child is his to read.
    expect((await listDisclosures(ctx(padre), demo.student.Sophia)).student.firstName).toBe(
      "Sophia",
    );
    await whileRestricted(async (db) => {
      for (const read of [listDisclosures, listStudentCommunications, listFamilyRequests]) {
        expect(await rejection(read(ctx(demo.actors.parent, db), emma))).toBeInstanceOf(
          NotFoundError,
        );
      }
    });
  });
});

describe("the messages to a child's family", () => {
  it("show a guardian the messages sent to them, the team every guardian's", async () => {
    const { parent, specialist } = demo.actors;
    const own = await listStudentCommunications(ctx(parent), emma);
    const team = await listStudentCommunications(ctx(specialist), emma);
    expect(own.items.length).toBeGreaterThan(0);
    expect(team.items.length).toBeGreaterThanOrEqual(own.items.length);
    const addressees = await withTenant(app.db, parent, (tx) =>
      tx
        .select({ guardianId: communications.guardianId })
        .from(communications)
        .where(
          and(
            eq(communications.tenantId, parent.tenantId),
            inArray(
              communications.id,
              own.items.map((item) => item.id),
            ),
          ),
        ),
    );
    expect(new Set(addressees.map((a) => a.guardianId))).toEqual(new Set([parent.guardianId]));
    expect(own.items[0]).toMatchObject({
      channel: expect.any(String),
      language: expect.any(String),
      status: expect.any(String),
    });
  });
});

/** What the family_requests table and the audit trail hold about Emma's requests. */
async function writtenForEmma(db: Database = app.db) {
  const { specialist } = demo.actors;
  return withTenant(db, specialist, async (tx) => {
    const [requests] = await tx
      .select({ n: count() })
      .from(familyRequests)
      .where(
        and(eq(familyRequests.tenantId, specialist.tenantId), eq(familyRequests.studentId, emma)),
      );
    const [audits] = await tx
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, specialist.tenantId),
          eq(auditLog.studentId, emma),
          eq(auditLog.entityType, "family_request"),
        ),
      );
    return { requests: requests!.n, audits: audits!.n };
  });
}

describe("a family's question", () => {
  it("is recorded, waits on the team's dashboard, is answered once, and the family reads the answer", async () => {
    const { parent, specialist, facilitator, cedarSpecialist, padre } = demo.actors;
    const body = `Can Emma bring her reading log home on Fridays? (${randomUUID().slice(0, 8)})`;
    const asked = await recordFamilyRequest(ctx(parent), emma, { kind: "question", body });
    expect(asked).toMatchObject({
      studentId: emma,
      kind: "question",
      body,
      status: "open",
      askedByName: "Jennifer Wilson",
      answer: null,
    });
    const recorded = await withTenant(app.db, parent, (tx) =>
      tx
        .select({ action: auditLog.action, actorUserId: auditLog.actorUserId })
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, parent.tenantId), eq(auditLog.entityId, asked.id))),
    );
    expect(recorded).toEqual([{ action: "family_request.recorded", actorUserId: parent.userId }]);

    // On the dashboard of the district's team and of Emma's facilitators, no one else's.
    const waiting = (actor: Actor) =>
      listOpenFamilyRequests(ctx(actor)).then((rows) => rows.some((r) => r.id === asked.id));
    expect(await waiting(specialist)).toBe(true);
    expect(await waiting({ ...facilitator, staffId: specialist.staffId })).toBe(true);
    expect(await waiting(facilitator)).toBe(false);
    expect(await waiting(cedarSpecialist)).toBe(false);
    expect(await rejection(listOpenFamilyRequests(ctx(parent)))).toBeInstanceOf(ForbiddenError);

    // Only the child's team answers.
    const answer = { answer: "Yes: it goes home in her folder every Friday from now on." };
    expect(await rejection(answerFamilyRequest(ctx(parent), asked.id, answer))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await rejection(answerFamilyRequest(ctx(padre), asked.id, answer))).toBeInstanceOf(
      ForbiddenError,
    );
    for (const outsider of [facilitator, cedarSpecialist]) {
      expect(await rejection(answerFamilyRequest(ctx(outsider), asked.id, answer))).toBeInstanceOf(
        NotFoundError,
      );
    }
    const answered = await answerFamilyRequest(ctx(specialist), asked.id, answer);
    expect(answered).toMatchObject({
      status: "answered",
      answer: answer.answer,
      answeredByName: specialist.name,
    });
    expect(
      await rejection(answerFamilyRequest(ctx(specialist), asked.id, { answer: "Again, yes." })),
    ).toBeInstanceOf(ConflictError);
    expect(await waiting(specialist)).toBe(false);

    // The family reads the answer.
    const { items } = await listFamilyRequests(ctx(parent), emma);
    expect(items.find((r) => r.id === asked.id)).toMatchObject({
      status: "answered",
      answer: answer.answer,
      answeredByName: specialist.name,
    });
    const trail = await withTenant(app.db, specialist, (tx) =>
      tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, specialist.tenantId), eq(auditLog.entityId, asked.id))),
    );
    expect(trail.map((row) => row.action).sort()).toEqual([
      "family_request.answered",
      "family_request.recorded",
    ]);
  });

  it("of one guardian is not another guardian's to read; the team reads both", async () => {
    const { parent, specialist } = demo.actors;
    await rolledBack(app, async (db) => {
      // Emma's father, as if he had an account of his own.
      const [mark] = await withTenant(db, parent, (tx) =>
        tx
          .select({ id: guardians.id })
          .from(guardians)
          .innerJoin(
            studentGuardians,
            and(
              eq(studentGuardians.tenantId, guardians.tenantId),
              eq(studentGuardians.guardianId, guardians.id),
            ),
          )
          .where(
            and(
              eq(guardians.tenantId, parent.tenantId),
              eq(studentGuardians.studentId, emma),
              eq(guardians.firstName, "Mark"),
            ),
          ),
      );
      expect(mark, "the seed gives Emma her father").toBeDefined();
      const father: Actor = { ...parent, name: "Mark Wilson", guardianId: mark!.id };
      const his = await recordFamilyRequest(ctx(father, db), emma, {
        kind: "amendment",
        body: "The record lists the wrong emergency contact.",
      });
      expect(his.askedByName).toBe("Mark Wilson");
      const hers = await listFamilyRequests(ctx(parent, db), emma);
      expect(hers.items.some((r) => r.id === his.id)).toBe(false);
      const team = await listFamilyRequests(ctx(specialist, db), emma);
      expect(team.items.some((r) => r.id === his.id)).toBe(true);
    });
  });
});

describe("a request refused", () => {
  it("writes nothing: bad input, the team asking, another family, a restricted guardian", async () => {
    const { parent, specialist, padre } = demo.actors;
    const before = await writtenForEmma();
    // As the route and the server action do: the body is parsed before the use-case runs.
    const askRaw = async (raw: unknown) =>
      recordFamilyRequest(ctx(parent), emma, parseInput(recordFamilyRequestSchema, raw));
    for (const raw of [
      { kind: "question", body: "  why " },
      { kind: "question" },
      { kind: "evaluation", body: "Please evaluate Emma." },
      { kind: "amendment", body: "x".repeat(2001) },
    ]) {
      expect(await rejection(askRaw(raw)), JSON.stringify(raw).slice(0, 60)).toBeInstanceOf(
        ValidationError,
      );
    }
    const input = { kind: "question" as const, body: "Who is Emma's reading teacher this term?" };
    expect(await rejection(recordFamilyRequest(ctx(specialist), emma, input))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await rejection(recordFamilyRequest(ctx(padre), emma, input))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(recordFamilyRequest(ctx(parent), randomUUID(), input))).toBeInstanceOf(
      NotFoundError,
    );
    await whileRestricted(async (db) => {
      expect(await rejection(recordFamilyRequest(ctx(parent, db), emma, input))).toBeInstanceOf(
        NotFoundError,
      );
      expect(await writtenForEmma(db)).toEqual(before);
    });
    expect(await writtenForEmma()).toEqual(before);
  });
});
