import { randomUUID } from "node:crypto";
import { jetstream } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import {
  assessmentResults,
  assessments,
  inboxEvents,
  parkedMessages,
  schools,
  staff,
  students,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { connectForTest, deleteStream, uniqueNames, waitFor } from "@/test/support/nats";
import { type RunningConsumers, startConsumers } from "./consumers";
import { studentEnrolledHandler } from "./handlers";
import { processInbound } from "./process";

/**
 * Consumers against the machine's NATS: messages published as the district's other services
 * would, applied by durable consumers as the worker role inside withTenant, checked as the app role.
 */

const names = uniqueNames("consume");
let app: DatabaseHandle;
let worker: DatabaseHandle;
let nats: NatsConnection;
let admin: Actor;
let consumers: RunningConsumers;
let school: { id: string; code: string | null };
const logs: string[] = [];

const subject = (area: string, type: string, district = admin.tenantId) =>
  `${names.prefix}.${area}.${district}.${type}`;

function envelope(type: string, data: unknown, id: string = randomUUID()) {
  return JSON.stringify({
    specversion: "1.0",
    id,
    source: "/district/sis",
    type,
    time: now().toISOString(),
    datacontenttype: "application/json",
    data,
  });
}

/**
 * As the district's systems would publish. JetStream answers "no responders" for a moment when
 * the server is busy with other streams (another suite running beside this one): try again.
 */
const PUBLISH = { retries: 10 } as const;

async function publish(area: string, type: string, payload: string) {
  await jetstream(nats).publish(subject(area, type), payload, PUBLISH);
}

function enrolled(sourceId: string, firstName: string) {
  return {
    sourceId,
    localId: `T${sourceId.slice(-8)}`,
    firstName,
    lastName: "Consumer",
    grade: 3,
    birthDate: "2018-04-02",
    school: { code: school.code ?? undefined },
    status: "enrolled",
  };
}

async function studentBySource(sourceId: string) {
  return withTenant(app.db, admin, async (tx) => {
    const [row] = await tx
      .select()
      .from(students)
      .where(and(eq(students.tenantId, admin.tenantId), eq(students.sourceId, sourceId)));
    return row ?? null;
  });
}

async function parked(fragment: string) {
  const rows = await worker.db
    .select()
    .from(parkedMessages)
    .where(
      sql`${parkedMessages.subject} like ${`${names.prefix}.%`} and ${parkedMessages.payload} like ${`%${fragment}%`}`,
    );
  return rows;
}

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  worker = connect(inject("workerUrl"), { max: 2 });
  nats = await connectForTest();
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  // A school whose code no other school of the district shares (import tests may add schools).
  school = await withTenant(app.db, admin, async (tx) => {
    const [row] = await tx
      .select({ id: sql<string>`min(${schools.id}::text)`, code: schools.code })
      .from(schools)
      .where(and(eq(schools.tenantId, admin.tenantId), sql`${schools.code} is not null`))
      .groupBy(schools.code)
      .having(sql`count(*) = 1`)
      .limit(1);
    if (!row?.code) throw new Error("The demo district has no school with a code of its own");
    return row;
  });
  consumers = startConsumers({
    workerUrl: inject("workerUrl"),
    natsUrl: "127.0.0.1:4222",
    stream: names.stream,
    subjectPrefix: names.prefix,
    durablePrefix: names.id,
    maxAttempts: 2,
    log: (line) => logs.push(line),
  });
  await waitFor("the consumers to listen", async () => logs.some((l) => l.includes("listening")));
});

afterAll(async () => {
  await consumers.stop();
  await deleteStream(nats, names.stream);
  await nats.close();
  await app.close();
  await worker.close();
});

describe("event consumers", () => {
  it("applies a StudentEnrolledEvent to the roster once, however often it is delivered", async () => {
    const sourceId = `sis-test-${randomUUID()}`;
    const eventId = randomUUID();
    await publish(
      "students",
      "StudentEnrolledEvent",
      envelope("StudentEnrolledEvent", enrolled(sourceId, "Ada"), eventId),
    );
    const created = await waitFor("the student", () => studentBySource(sourceId));
    expect(created).toMatchObject({
      firstName: "Ada",
      grade: 3,
      schoolId: school.id,
      active: true,
    });

    // The same event again (a publisher's retry), this time with other content: ignored.
    await publish(
      "students",
      "StudentEnrolledEvent",
      envelope("StudentEnrolledEvent", enrolled(sourceId, "Changed"), eventId),
    );
    // A later event for another student tells us the duplicate has been processed (one consumer, in order).
    const sentinel = `sis-test-${randomUUID()}`;
    await publish(
      "students",
      "StudentEnrolledEvent",
      envelope("StudentEnrolledEvent", enrolled(sentinel, "Sentinel")),
    );
    await waitFor("the sentinel", () => studentBySource(sentinel));

    expect((await studentBySource(sourceId))?.firstName).toBe("Ada");
    const inbox = await withTenant(app.db, admin, (tx) =>
      tx
        .select()
        .from(inboxEvents)
        .where(and(eq(inboxEvents.tenantId, admin.tenantId), eq(inboxEvents.eventId, eventId))),
    );
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ type: "StudentEnrolledEvent", source: "/district/sis" });
  });

  it("applies a redelivered message once when called directly twice", async () => {
    const sourceId = `sis-test-${randomUUID()}`;
    const message = {
      subject: subject("students", "StudentEnrolledEvent"),
      payload: envelope("StudentEnrolledEvent", enrolled(sourceId, "Twice")),
      deliveryCount: 1,
    };
    expect(await processInbound(worker.db, studentEnrolledHandler, message, 3)).toEqual({
      kind: "applied",
    });
    expect(
      await processInbound(worker.db, studentEnrolledHandler, { ...message, deliveryCount: 2 }, 3),
    ).toEqual({
      kind: "duplicate",
    });
  });

  it("parks a poison message with its reason and keeps the others flowing", async () => {
    const marker = randomUUID();
    await publish("students", "StudentEnrolledEvent", `this is not json ${marker}`);
    const bad = enrolled(`sis-test-${randomUUID()}`, "Bad");
    await publish(
      "students",
      "StudentEnrolledEvent",
      envelope("StudentEnrolledEvent", { ...bad, grade: 14, note: marker }),
    );
    const good = `sis-test-${randomUUID()}`;
    await publish(
      "students",
      "StudentEnrolledEvent",
      envelope("StudentEnrolledEvent", enrolled(good, "Good")),
    );
    await waitFor("the good message", () => studentBySource(good));

    const rows = await waitFor("both parked", async () => {
      const found = await parked(marker);
      return found.length === 2 ? found : null;
    });
    const reasons = rows.map((r) => r.reason).sort();
    expect(reasons[0]).toMatch(/data\.grade/);
    expect(reasons[1]).toMatch(/not JSON/);
  });

  it("retries a message whose school is unknown, then parks it after the bounded attempts", async () => {
    const marker = `sis-test-${randomUUID()}`;
    await publish(
      "students",
      "StudentEnrolledEvent",
      envelope("StudentEnrolledEvent", {
        ...enrolled(marker, "Lost"),
        school: { code: "NO-SUCH-SCHOOL" },
      }),
    );
    const [row] = await waitFor("the message to be parked", async () => {
      const found = await parked(marker);
      return found.length > 0 ? found : null;
    });
    expect(row?.attempts).toBe(2);
    expect(row?.reason).toMatch(/after 2 attempts: Unknown school/);
    expect(await studentBySource(marker)).toBeNull();
  });

  it("applies assessment results and staff updates", async () => {
    const student = `sis-test-${randomUUID()}`;
    await publish(
      "students",
      "StudentEnrolledEvent",
      envelope("StudentEnrolledEvent", enrolled(student, "Scored")),
    );
    const created = await waitFor("the student", () => studentBySource(student));
    const assessment = await withTenant(app.db, admin, async (tx) => {
      const [row] = await tx
        .select()
        .from(assessments)
        .where(eq(assessments.tenantId, admin.tenantId))
        .limit(1);
      return row;
    });
    if (!assessment) throw new Error("The demo district has no assessment");
    const result = {
      studentSourceId: student,
      assessmentName: assessment.name.toUpperCase(),
      schoolYear: "2026-27",
      window: "winter",
      administeredOn: "2027-01-12",
      score: 41.5,
      percentile: 18,
    };
    await publish(
      "assessments",
      "AssessmentResultRecordedEvent",
      envelope("AssessmentResultRecordedEvent", result),
    );
    // A corrected score for the same window replaces the first.
    await publish(
      "assessments",
      "AssessmentResultRecordedEvent",
      envelope("AssessmentResultRecordedEvent", { ...result, score: 44 }),
    );
    const scores = await waitFor("the corrected score", async () => {
      const rows = await withTenant(app.db, admin, (tx) =>
        tx.select().from(assessmentResults).where(eq(assessmentResults.studentId, created.id)),
      );
      return rows.length === 1 && rows[0]?.score === 44 ? rows : null;
    });
    expect(scores[0]).toMatchObject({
      assessmentId: assessment.id,
      window: "winter",
      percentile: 18,
    });

    const staffSource = `staff-test-${randomUUID()}`;
    const member = {
      sourceId: staffSource,
      firstName: "Rosa",
      lastName: "Diaz",
      title: "Reading coach",
      active: true,
    };
    await publish("staff", "StaffUpdatedEvent", envelope("StaffUpdatedEvent", member));
    await publish(
      "staff",
      "StaffUpdatedEvent",
      envelope("StaffUpdatedEvent", { ...member, active: false }),
    );
    const stored = await waitFor("the staff member to be unavailable", async () => {
      const [row] = await withTenant(app.db, admin, (tx) =>
        tx
          .select()
          .from(staff)
          .where(and(eq(staff.tenantId, admin.tenantId), eq(staff.sourceId, staffSource))),
      );
      return row && !row.active ? row : null;
    });
    expect(stored).toMatchObject({ displayName: "Rosa Diaz", title: "Reading coach" });
  });

  it("parks an event for a district that does not exist", async () => {
    const marker = randomUUID();
    await jetstream(nats).publish(
      subject("staff", "StaffUpdatedEvent", randomUUID()),
      envelope("StaffUpdatedEvent", {
        sourceId: marker,
        firstName: "No",
        lastName: "District",
        active: true,
      }),
      PUBLISH,
    );
    const [row] = await waitFor("the message to be parked", async () => {
      const found = await parked(marker);
      return found.length > 0 ? found : null;
    });
    expect(row?.reason).toMatch(/Unknown district/);
  });
});
