import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { auditLog, communications, guardians, interventionEnrollments } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import { HELP_LINES } from "@/lib/domain/letters/languages";
import { WITHHELD_NOTES } from "@/lib/domain/letters/recipients";
import { letterTemplateInputSchema } from "@/lib/domain/letters/schemas";
import { verifyUnsubscribeToken } from "@/lib/domain/letters/unsubscribe";
import type { Actor } from "@/lib/domain/policy";
import { mailerFromUrl } from "@/lib/integrations/mail/mailer";
import { loadDemoActor } from "@/scripts/seed/accounts";
import { testContext } from "@/test/fixtures/oneroster/district";
import { newFacilitator } from "@/test/support/facilitators";
import { newTestFamily } from "@/test/support/families";
import { headerOf, type ReceivedMail, startTestSmtp } from "@/test/support/smtp";
import type { PublicContext } from "../context";
import { queueExitCelebrationLetters } from "../exits/queue-exit-letters";
import { createIntervention } from "../interventions/create-intervention";
import { deliverDueMail } from "./deliver-due-mail";
import { describeUnsubscribe } from "./describe-unsubscribe";
import { queueTierChangeLetters } from "./queue-tier-change-letters";
import { saveLetterTemplate } from "./save-letter-template";
import { stopOptionalMail } from "./stop-optional-mail";

const SECRET = "optional-mail-test-secret-0123456789abcdef";
const NOW = new Date("2026-11-25T15:00:00Z");

let handle: DatabaseHandle;
let admin: Actor;
let specialist: Actor;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let smtpUrl: string;
let received: ReceivedMail[];
let studentId: string;
/** The English-speaking guardian, who unsubscribes, and the Vietnamese-speaking one. */
let english: { id: string; email: string };
let vietnamese: { id: string; email: string };
let interventionId: string;
let enrollmentId: string;

const ctxOf = (actor: Actor) => testContext(handle.db, actor, NOW);
const publicCtx = (now = NOW): PublicContext => ({
  db: handle.db,
  now: () => now,
  requestId: `unsubscribe-test-${randomUUID()}`,
  secret: SECRET,
});

const lettersAbout = () =>
  withTenant(handle.db, admin, (tx) =>
    tx
      .select()
      .from(communications)
      .where(
        and(eq(communications.tenantId, admin.tenantId), eq(communications.studentId, studentId)),
      )
      .orderBy(communications.createdAt),
  );

const queueCelebration = () =>
  withTenant(handle.db, specialist, (tx) =>
    queueExitCelebrationLetters(tx, admin.tenantId, {
      enrollmentId,
      interventionId,
      studentId,
      exitDate: "2026-11-25",
      report: null,
    }),
  );

const queueTierChange = () =>
  withTenant(handle.db, specialist, (tx) =>
    queueTierChangeLetters(tx, ctxOf(specialist), {
      studentId,
      interventionId,
      fromTier: 2,
      toTier: 1,
      decision: "step-down",
      decidedOn: "2026-11-25",
      justification: "Met the goal on four probes in a row.",
    }),
  );

const deliver = async () => {
  const mailer = mailerFromUrl(smtpUrl);
  const report = await deliverDueMail({ db: handle.db, mailer, now: () => NOW }, admin.tenantId);
  mailer?.close();
  return report;
};

const tokenIn = (body: string) =>
  decodeURIComponent(/\/unsubscribe\?token=([^\s]+)/.exec(body)?.[1] ?? "");

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  process.env.APP_URL = "https://northstar.test";
  handle = connect(inject("appUrl"), { max: 4 });
  admin = await loadDemoActor(handle.db, "admin@maplegrove.example");
  specialist = await loadDemoActor(handle.db, "johnson@maplegrove.example");
  smtp = await startTestSmtp();
  smtpUrl = smtp.url;
  received = smtp.received;

  const family = await newTestFamily(handle.db, admin.tenantId, ["en", "vi"]);
  studentId = family.studentId;
  [english, vietnamese] = [family.guardians[0]!, family.guardians[1]!];
  const facilitatorId = await newFacilitator(handle.db, admin.tenantId);
  const created = await createIntervention(
    ctxOf(specialist),
    createInterventionSchema.parse({
      name: `Optional Mail Reading ${randomUUID().slice(0, 6)} - Tier 2`,
      tier: 2,
      focusArea: "Reading Fluency",
      startDate: "2026-11-30",
      durationWeeks: 6,
      schedule: { days: ["TU", "TH"], startTime: "13:40", minutes: 30 },
      facilitatorIds: [facilitatorId],
      studentIds: [studentId],
    }),
  );
  interventionId = created.body.id;
  enrollmentId = await withTenant(handle.db, admin, async (tx) => {
    const [row] = await tx
      .select({ id: interventionEnrollments.id })
      .from(interventionEnrollments)
      .where(
        and(
          eq(interventionEnrollments.tenantId, admin.tenantId),
          eq(interventionEnrollments.interventionId, interventionId),
        ),
      );
    return row!.id;
  });
});

afterAll(async () => {
  await smtp.close();
  await handle.close();
});

describe("a guardian whose language has no wording (issue 13, point 5)", () => {
  it("gets the letter in English, after one line in Vietnamese on how to ask for help", async () => {
    const letters = await lettersAbout();
    const toVietnamese = letters.find(
      (l) => l.kind === "enrollment" && l.guardianId === vietnamese.id,
    );
    expect(toVietnamese).toMatchObject({ language: "en", templateVersion: 0, required: true });
    expect(toVietnamese?.body.startsWith(`${HELP_LINES.vi?.line}\n\nDear Guardian2 Family`)).toBe(
      true,
    );
    expect(toVietnamese?.body).toContain("Linh will take part in Optional Mail Reading");
    const toEnglish = letters.find((l) => l.kind === "enrollment" && l.guardianId === english.id);
    expect(toEnglish?.body.startsWith("Dear Guardian1 Family")).toBe(true);
  });

  it("gets it in Vietnamese once an admin wrote that letter in Vietnamese, and no help line", async () => {
    const saved = await saveLetterTemplate(
      ctxOf(admin),
      letterTemplateInputSchema.parse({
        kind: "tier-change",
        language: "VI",
        subject: "Thư từ {{districtName}} về con của quý vị",
        body: "Kính gửi {{guardianName}},\n\n{{studentFirstName}}: {{toTier}}\n\n{{districtName}}",
      }),
    );
    expect(saved.version).toBeGreaterThanOrEqual(1);
    expect(await queueTierChange()).toBe(2);
    const letters = (await lettersAbout()).filter((l) => l.kind === "tier-change");
    const toVietnamese = letters.find((l) => l.guardianId === vietnamese.id);
    expect(toVietnamese).toMatchObject({
      language: "vi",
      templateVersion: saved.version,
      subject: "Thư từ Maple Grove School District về con của quý vị",
    });
    expect(toVietnamese?.body).toMatch(/^Kính gửi Guardian2 Family \w+,\n\nLinh: Tier 1\n/);
    expect(toVietnamese?.body).not.toContain(HELP_LINES.vi?.line);
    expect(letters.find((l) => l.guardianId === english.id)?.language).toBe("en");
  });
});

describe("optional mail (issue 13, point 5)", () => {
  it("carries a one-click unsubscribe link and RFC 8058's headers; a required notice carries neither", async () => {
    expect(await queueCelebration()).toBe(2);
    const celebration = (await lettersAbout()).find(
      (l) => l.kind === "exit-celebration" && l.guardianId === english.id,
    );
    expect(celebration).toMatchObject({ required: false, status: "queued" });
    expect(celebration?.body).toMatch(
      /To stop optional messages, open: https:\/\/northstar\.test\/unsubscribe\?token=\S+\n/,
    );

    received.length = 0;
    const report = await deliver();
    expect(report.failed).toBe(0);
    const toEnglish = received.filter((m) => m.to.includes(english.email));
    const optional = toEnglish.filter(
      (m) => headerOf(m.raw, "X-NorthStar-Communication") === celebration?.id,
    );
    expect(optional).toHaveLength(1);
    const listUnsubscribe = headerOf(optional[0]!.raw, "List-Unsubscribe");
    expect(listUnsubscribe).toMatch(
      /^<https:\/\/northstar\.test\/unsubscribe\/one-click\?token=\S+>$/,
    );
    expect(headerOf(optional[0]!.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // The header's token is the footer's: it names this guardian of this district.
    const headerToken = decodeURIComponent(/token=([^>]+)>/.exec(listUnsubscribe ?? "")?.[1] ?? "");
    expect(headerToken).toBe(tokenIn(celebration?.body ?? ""));
    expect(verifyUnsubscribeToken(headerToken, SECRET, NOW)).toMatchObject({
      ok: true,
      claims: { tenantId: admin.tenantId, guardianId: english.id },
    });

    // The enrollment letter and the tier change are required: no unsubscribe on them.
    const required = toEnglish.filter((m) => m !== optional[0]);
    expect(required.length).toBeGreaterThanOrEqual(2);
    for (const message of required) {
      expect(headerOf(message.raw, "List-Unsubscribe")).toBeNull();
      expect(headerOf(message.raw, "List-Unsubscribe-Post")).toBeNull();
    }
  });

  it("stops optional mail for that guardian at once, once, and logged; required mail and the other guardian's still go", async () => {
    const token = tokenIn(
      (await lettersAbout()).find(
        (l) => l.kind === "exit-celebration" && l.guardianId === english.id,
      )?.body ?? "",
    );
    expect(await describeUnsubscribe(publicCtx(), token)).toMatchObject({
      state: "ready",
      language: "en",
      districtName: "Maple Grove School District",
    });
    // An optional letter waiting in the queue when the family clicks.
    expect(await queueCelebration()).toBe(2);

    const results = await Promise.all([
      stopOptionalMail(publicCtx(), token),
      stopOptionalMail(publicCtx(), token),
    ]);
    results.push(await stopOptionalMail(publicCtx(new Date(NOW.getTime() + 3_600_000)), token));
    for (const result of results)
      expect(result).toMatchObject({ state: "done", stoppedAt: NOW, stoppedOn: "2026-11-25" });

    const state = await withTenant(handle.db, admin, async (tx) => ({
      guardians: await tx
        .select({ id: guardians.id, stoppedAt: guardians.optionalMailStoppedAt })
        .from(guardians)
        .where(
          and(
            eq(guardians.tenantId, admin.tenantId),
            inArray(guardians.id, [english.id, vietnamese.id]),
          ),
        ),
      audits: await tx
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.tenantId, admin.tenantId),
            eq(auditLog.action, "guardian.optional-mail-stopped"),
            eq(auditLog.entityId, english.id),
          ),
        ),
    }));
    expect(state.guardians.find((g) => g.id === english.id)?.stoppedAt).toEqual(NOW);
    expect(state.guardians.find((g) => g.id === vietnamese.id)?.stoppedAt).toBeNull();
    expect(state.audits).toHaveLength(1);
    expect(state.audits[0]).toMatchObject({
      actorRole: "parent",
      entityType: "guardian",
      occurredAt: NOW,
      after: { queuedLettersWithheld: 1, via: "signed unsubscribe link" },
    });

    // The queued celebration was withheld at once; the other guardian's waits to be sent.
    const waiting = (await lettersAbout()).filter(
      (l) => l.kind === "exit-celebration" && l.status !== "sent",
    );
    expect(waiting.find((l) => l.guardianId === english.id)).toMatchObject({
      status: "suppressed",
      lastError: WITHHELD_NOTES["optional-mail-stopped"],
    });
    expect(waiting.find((l) => l.guardianId === vietnamese.id)?.status).toBe("queued");

    // Later letters: the optional one is written but never sent, the required one goes.
    expect(await queueCelebration()).toBe(2);
    expect(await queueTierChange()).toBe(2);
    const [raced] = await withTenant(handle.db, admin, (tx) =>
      tx
        .insert(communications)
        .values({
          tenantId: admin.tenantId,
          kind: "exit-celebration",
          studentId,
          guardianId: english.id,
          toAddress: english.email,
          language: "en",
          subject: "Good news from Maple Grove School District about your child",
          body: "Queued by a request that read the guardian just before the click.",
          required: false,
        })
        .returning({ id: communications.id }),
    );

    received.length = 0;
    const report = await deliver();
    expect(report.withheld).toBeGreaterThanOrEqual(1);
    const after = await lettersAbout();
    expect(after.find((l) => l.id === raced!.id)).toMatchObject({
      status: "suppressed",
      lastError: WITHHELD_NOTES["optional-mail-stopped"],
    });
    const toEnglish = received.filter((m) => m.to.includes(english.email));
    const sentIds = new Set(toEnglish.map((m) => headerOf(m.raw, "X-NorthStar-Communication")));
    const kindsSent = after.filter((l) => sentIds.has(l.id)).map((l) => l.kind);
    expect(kindsSent).toEqual(["tier-change"]);
    const toVietnamese = received.filter((m) => m.to.includes(vietnamese.email));
    expect(toVietnamese).toHaveLength(3);
    expect(
      after.filter(
        (l) =>
          l.guardianId === english.id && l.kind === "exit-celebration" && l.status === "suppressed",
      ),
    ).toHaveLength(3);

    expect(await describeUnsubscribe(publicCtx(), token)).toMatchObject({
      state: "done",
      stoppedOn: "2026-11-25",
    });
  });

  it("refuses an edited or expired link, changing nothing", async () => {
    const token = tokenIn(
      (await lettersAbout()).find(
        (l) => l.kind === "exit-celebration" && l.guardianId === vietnamese.id,
      )?.body ?? "",
    );
    const [payload, signature] = token.split(".");
    const edited = `${payload?.slice(0, -1)}${payload?.endsWith("A") ? "B" : "A"}.${signature}`;
    expect(await stopOptionalMail(publicCtx(), edited)).toEqual({ state: "invalid" });
    expect(
      await stopOptionalMail(publicCtx(new Date(NOW.getTime() + 400 * 86_400_000)), token),
    ).toEqual({ state: "expired" });
    expect(await stopOptionalMail(publicCtx(), "not-a-token")).toEqual({ state: "invalid" });
    const [row] = await withTenant(handle.db, admin, (tx) =>
      tx
        .select({ stoppedAt: guardians.optionalMailStoppedAt })
        .from(guardians)
        .where(and(eq(guardians.tenantId, admin.tenantId), eq(guardians.id, vietnamese.id))),
    );
    expect(row?.stoppedAt).toBeNull();
  });
});
