import { and, eq, inArray, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import {
  auditLog,
  communications,
  guardians,
  interventionEnrollments,
  optOutDecisions,
  studentGuardians,
  students,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { CALENDAR_MAIL_KINDS } from "@/lib/domain/calendar/ics";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { Actor } from "@/lib/domain/policy";
import { mailerFromUrl } from "@/lib/integrations/mail/mailer";
import { loadDemoActor } from "@/scripts/seed/accounts";
import { testContext } from "@/test/fixtures/oneroster/district";
import { decodeMail as decode, type ReceivedMail, startTestSmtp } from "@/test/support/smtp";
import type { PublicContext } from "../context";
import { createIntervention } from "../interventions/create-intervention";
import { confirmOptOut } from "./confirm-opt-out";
import { deliverDueMail } from "./deliver-due-mail";
import { describeOptOut } from "./describe-opt-out";
import { saveLetterSettings } from "./save-letter-settings";

const SECRET = "letters-test-secret-0123456789abcdef";
const NOW = new Date("2026-11-25T15:00:00Z");

/** The facilitators' calendar invitations share the group's log; these tests read the family's letters. */
const NOT_LETTERS = Object.values(CALENDAR_MAIL_KINDS);
let handle: DatabaseHandle;
let specialist: Actor;
let admin: Actor;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let smtpUrl: string;
let received: ReceivedMail[];
let interventionId: string;
let studentIds: string[];

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  process.env.APP_URL = "https://northstar.test";
  handle = connect(inject("appUrl"), { max: 4 });
  specialist = await loadDemoActor(handle.db, "johnson@maplegrove.example");
  admin = await loadDemoActor(handle.db, "admin@maplegrove.example");
  smtp = await startTestSmtp();
  smtpUrl = smtp.url;
  received = smtp.received;
});

afterAll(async () => {
  await smtp.close();
  await handle.close();
});

const ctxOf = (actor: Actor, now = NOW) => testContext(handle.db, actor, now);
const publicCtx = (now = NOW): PublicContext => ({
  db: handle.db,
  now: () => now,
  requestId: "opt-out-test",
  secret: SECRET,
});

describe("enrollment letters", () => {
  it("queues one letter per guardian, in the guardian's language, without the child's needs in the subject", async () => {
    await saveLetterSettings(ctxOf(admin), { optOut: "one-click", delivery: "full-letter" });
    studentIds = await withTenant(handle.db, specialist, async (tx) =>
      (
        await tx
          .select({ id: students.id })
          .from(students)
          .where(
            and(
              eq(students.tenantId, specialist.tenantId),
              inArray(students.firstName, ["Emma", "Sophia"]),
              inArray(students.lastName, ["Wilson", "Martinez"]),
            ),
          )
      ).map((s) => s.id),
    );
    expect(studentIds).toHaveLength(2);
    const created = await createIntervention(
      ctxOf(specialist),
      createInterventionSchema.parse({
        name: "Phonemic Awareness Boost - Tier 2",
        tier: 2,
        focusArea: "Phonemic Awareness",
        goal: "Blend four-sound words accurately",
        startDate: "2026-11-30",
        durationWeeks: 6,
        schedule: { days: ["TU", "TH"], startTime: "09:15", minutes: 25 },
        facilitatorIds: [specialist.staffId],
        studentIds,
      }),
    );
    interventionId = created.body.id;

    const { letters, family } = await withTenant(handle.db, specialist, async (tx) => ({
      letters: await tx
        .select()
        .from(communications)
        .where(
          and(
            eq(communications.tenantId, specialist.tenantId),
            eq(communications.interventionId, interventionId),
            notInArray(communications.kind, NOT_LETTERS),
          ),
        ),
      family: await tx
        .select({
          guardianId: guardians.id,
          email: guardians.email,
          language: guardians.language,
          firstName: guardians.firstName,
        })
        .from(studentGuardians)
        .innerJoin(
          guardians,
          and(
            eq(guardians.tenantId, studentGuardians.tenantId),
            eq(guardians.id, studentGuardians.guardianId),
          ),
        )
        .where(
          and(
            eq(studentGuardians.tenantId, specialist.tenantId),
            inArray(studentGuardians.studentId, studentIds),
          ),
        ),
    }));
    const withEmail = family.filter((g) => g.email);
    expect(withEmail.length).toBeGreaterThanOrEqual(2);
    expect(letters).toHaveLength(withEmail.length);
    for (const guardian of withEmail) {
      const letter = letters.find((l) => l.guardianId === guardian.guardianId);
      expect(letter).toMatchObject({
        kind: "enrollment",
        status: "queued",
        required: true,
        toAddress: guardian.email,
        language: guardian.language === "es" ? "es" : "en",
        templateVersion: 0,
      });
      expect(letter?.subject).not.toMatch(/phonemic|awareness|tier|boost/i);
      expect(letter?.body).toContain("Phonemic Awareness Boost - Tier 2");
      expect(letter?.body).toContain("https://northstar.test/opt-out?token=");
    }
    expect(letters.find((l) => l.toAddress === "padre@maplegrove.example")?.language).toBe("es");
  });

  it("delivers them to a real SMTP server: recipient, a neutral subject, Spanish for a Spanish-speaking guardian", async () => {
    const mailer = mailerFromUrl(smtpUrl);
    const report = await deliverDueMail(
      { db: handle.db, mailer, now: () => NOW },
      specialist.tenantId,
    );
    mailer?.close();
    expect(report.failed).toBe(0);
    expect(report.sent).toBeGreaterThanOrEqual(2);

    const toCarlos = received
      .filter((m) => m.to.includes("padre@maplegrove.example"))
      .map((m) => decode(m.raw));
    const letter = toCarlos.find((m) => m.body.includes("Phonemic Awareness Boost"));
    expect(letter?.subject).toBe("Un mensaje de Maple Grove School District sobre su hijo o hija");
    expect(letter?.body).toContain("Estimado/a Carlos Martinez:");
    expect(letter?.body).toContain("Sophia participará en Phonemic Awareness Boost - Tier 2");
    expect(letter?.body).toContain("los martes y jueves a las 09:15");
    const toJennifer = received
      .filter((m) => m.to.includes("parent@maplegrove.example"))
      .map((m) => decode(m.raw));
    const english = toJennifer.find((m) => m.body.includes("Phonemic Awareness Boost"));
    expect(english?.subject).toBe("A message from Maple Grove School District about your child");
    expect(english?.body).toContain("Emma will take part in Phonemic Awareness Boost - Tier 2");

    const statuses = await withTenant(handle.db, specialist, (tx) =>
      tx
        .select({
          status: communications.status,
          attempts: communications.attempts,
          sentAt: communications.sentAt,
        })
        .from(communications)
        .where(
          and(
            eq(communications.tenantId, specialist.tenantId),
            eq(communications.interventionId, interventionId),
            notInArray(communications.kind, NOT_LETTERS),
          ),
        ),
    );
    for (const s of statuses) expect(s).toMatchObject({ status: "sent", attempts: 1, sentAt: NOW });
  });

  it("retries with backoff while the server is down, and marks a refused address as bounced", async () => {
    const [retry, bounce] = await withTenant(handle.db, specialist, (tx) =>
      tx
        .insert(communications)
        .values(
          ["someone@families.example", "nobody@families.example"].map((toAddress) => ({
            tenantId: specialist.tenantId,
            kind: "test",
            toAddress,
            language: "en",
            subject: "Test",
            body: "Test",
          })),
        )
        .returning({ id: communications.id }),
    );
    const down = mailerFromUrl("smtp://127.0.0.1:1");
    await deliverDueMail({ db: handle.db, mailer: down, now: () => NOW }, specialist.tenantId);
    down?.close();
    const read = (id: string) =>
      withTenant(
        handle.db,
        specialist,
        async (tx) =>
          (
            await tx
              .select()
              .from(communications)
              .where(
                and(eq(communications.tenantId, specialist.tenantId), eq(communications.id, id)),
              )
          )[0],
      );
    expect(await read(retry!.id)).toMatchObject({
      status: "queued",
      attempts: 1,
      nextAttemptAt: new Date(NOW.getTime() + 60_000),
    });
    expect((await read(retry!.id))?.lastError).toMatch(/ECONNREFUSED|connect/i);

    const up = mailerFromUrl(smtpUrl);
    // Not yet due: nothing is sent before the backoff has passed.
    await deliverDueMail({ db: handle.db, mailer: up, now: () => NOW }, specialist.tenantId);
    expect((await read(retry!.id))?.status).toBe("queued");
    const later = new Date(NOW.getTime() + 2 * 60_000);
    await deliverDueMail({ db: handle.db, mailer: up, now: () => later }, specialist.tenantId);
    up?.close();
    expect(await read(retry!.id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(await read(bounce!.id)).toMatchObject({ status: "bounced", attempts: 2 });
  });
});

describe("the opt-out link", () => {
  const tokenFrom = async (address: string) => {
    const [letter] = await withTenant(handle.db, specialist, (tx) =>
      tx
        .select()
        .from(communications)
        .where(
          and(
            eq(communications.tenantId, specialist.tenantId),
            eq(communications.interventionId, interventionId),
            eq(communications.toAddress, address),
          ),
        ),
    );
    const match = /opt-out\?token=([^\s)]+)/.exec(letter?.body ?? "");
    return decodeURIComponent(match?.[1] ?? "");
  };

  it("shows what the family opts out of, in their language", async () => {
    const described = await describeOptOut(
      publicCtx(),
      await tokenFrom("padre@maplegrove.example"),
    );
    expect(described).toMatchObject({
      state: "ready",
      language: "es",
      studentFirstName: "Sophia",
      interventionName: "Phonemic Awareness Boost - Tier 2",
    });
  });

  it("records the decision once, however often it is used", async () => {
    const token = await tokenFrom("padre@maplegrove.example");
    const results = await Promise.all([
      confirmOptOut(publicCtx(), token),
      confirmOptOut(publicCtx(), token),
    ]);
    results.push(await confirmOptOut(publicCtx(new Date(NOW.getTime() + 3_600_000)), token));
    for (const result of results) expect(result.state).toBe("done");

    const state = await withTenant(handle.db, specialist, async (tx) => ({
      decisions: await tx
        .select()
        .from(optOutDecisions)
        .where(eq(optOutDecisions.tenantId, specialist.tenantId)),
      enrollment: await tx
        .select()
        .from(interventionEnrollments)
        .where(
          and(
            eq(interventionEnrollments.tenantId, specialist.tenantId),
            eq(interventionEnrollments.interventionId, interventionId),
          ),
        ),
      audits: await tx
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.tenantId, specialist.tenantId),
            eq(auditLog.action, "enrollment.opted-out"),
          ),
        ),
      notices: await tx
        .select()
        .from(communications)
        .where(
          and(
            eq(communications.tenantId, specialist.tenantId),
            eq(communications.kind, "opt-out-notice"),
          ),
        ),
    }));
    expect(state.decisions).toHaveLength(1);
    const sophia = state.enrollment.find((e) => e.id === state.decisions[0]?.enrollmentId);
    expect(sophia?.optedOutAt).toEqual(NOW);
    expect(state.enrollment.filter((e) => e.optedOutAt)).toHaveLength(1);
    expect(state.audits).toHaveLength(1);
    // The specialist who created the group is told, once.
    expect(state.notices.map((n) => n.toAddress)).toEqual(["johnson@maplegrove.example"]);
    expect(state.notices[0]?.body).toContain(
      "opted Sophia Martinez out of Phonemic Awareness Boost - Tier 2",
    );
  });

  it("refuses an expired or tampered token", async () => {
    const token = await tokenFrom("parent@maplegrove.example");
    const [payload, signature] = token.split(".");
    const edited = `${payload?.slice(0, -2)}${payload?.endsWith("A") ? "B" : "A"}${payload?.slice(-1)}.${signature}`;
    expect(await confirmOptOut(publicCtx(), edited)).toEqual({ state: "invalid" });
    expect(
      await confirmOptOut(publicCtx(new Date(NOW.getTime() + 61 * 86_400_000)), token),
    ).toEqual({ state: "expired" });
    const emma = await withTenant(handle.db, specialist, (tx) =>
      tx.select().from(optOutDecisions).where(eq(optOutDecisions.tenantId, specialist.tenantId)),
    );
    expect(emma).toHaveLength(1);
  });
});

describe("a district that e-mails a notice instead of the letter", () => {
  it("sends each guardian a notice pointing to the portal, and keeps the letter for the portal", async () => {
    await saveLetterSettings(ctxOf(admin), { optOut: "by-request", delivery: "portal-notice" });
    try {
      const created = await createIntervention(
        ctxOf(specialist),
        createInterventionSchema.parse({
          name: "Vocabulary Builders - Tier 2",
          tier: 2,
          focusArea: "Vocabulary",
          goal: "Use ten new words a week in writing",
          startDate: "2026-11-30",
          durationWeeks: 4,
          schedule: { days: ["MO", "WE"], startTime: "14:00", minutes: 20 },
          facilitatorIds: [specialist.staffId],
          studentIds,
        }),
      );
      const mailer = mailerFromUrl(smtpUrl);
      const before = received.length;
      await deliverDueMail({ db: handle.db, mailer, now: () => NOW }, specialist.tenantId);
      mailer?.close();

      const notices = received.slice(before).map((m) => ({ to: m.to, ...decode(m.raw) }));
      const english = notices.find((m) => m.to.includes("parent@maplegrove.example"));
      const spanish = notices.find((m) => m.to.includes("padre@maplegrove.example"));
      expect(english?.subject).toBe("A message from Maple Grove School District about your child");
      expect(english?.body).toContain("Dear Jennifer Wilson,");
      expect(english?.body).toContain("https://northstar.test/portal");
      expect(spanish?.body).toContain("portal para familias");
      expect(spanish?.body).toContain("https://northstar.test/portal");
      // Nothing in the e-mail says what the child needs, or even which child.
      for (const notice of [english, spanish]) {
        for (const secret of ["Vocabulary", "Emma", "Sophia", "Tier"]) {
          expect(notice?.body).not.toContain(secret);
        }
      }

      // The letter itself is kept whole for the portal and the mailbox, beside what was e-mailed.
      const rows = await withTenant(handle.db, specialist, (tx) =>
        tx
          .select()
          .from(communications)
          .where(
            and(
              eq(communications.tenantId, specialist.tenantId),
              eq(communications.interventionId, created.body.id),
              notInArray(communications.kind, NOT_LETTERS),
            ),
          ),
      );
      expect(rows.length).toBeGreaterThanOrEqual(2);
      for (const row of rows) {
        expect(row.status).toBe("sent");
        expect(row.body).toContain("Vocabulary Builders - Tier 2");
        expect(row.emailBody).toContain("/portal");
      }
    } finally {
      await saveLetterSettings(ctxOf(admin), { optOut: "one-click", delivery: "full-letter" });
    }
  });
});
