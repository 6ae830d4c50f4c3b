import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { childrenOfGuardian } from "@/db/queries/guardian-links";
import { auditLog, communications, interventionEnrollments } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import { signOptOutToken } from "@/lib/domain/letters/opt-out-token";
import { contactRestrictionSchema, WITHHELD_NOTES } from "@/lib/domain/letters/recipients";
import type { Actor } from "@/lib/domain/policy";
import { loadDemoActor } from "@/scripts/seed/accounts";
import { testContext } from "@/test/fixtures/oneroster/district";
import { newFacilitator } from "@/test/support/facilitators";
import { newTestFamily, parentActor } from "@/test/support/families";
import { deliverDueMail } from "../communications/deliver-due-mail";
import { describeOptOut } from "../communications/describe-opt-out";
import { queueTierChangeLetters } from "../communications/queue-tier-change-letters";
import { queueExitCelebrationLetters } from "../exits/queue-exit-letters";
import { createIntervention } from "../interventions/create-intervention";
import { getFamilyOverview } from "../portal/get-family-overview";
import { liftContactRestriction } from "./lift-contact-restriction";
import { listGuardianLinks } from "./list-guardian-links";
import { recordContactRestriction } from "./record-contact-restriction";

const SECRET = "restrictions-test-secret-0123456789abcdef";
const NOW = new Date("2026-11-25T15:00:00Z");

let handle: DatabaseHandle;
let admin: Actor;
let specialist: Actor;
let cedarAdmin: Actor;
let studentId: string;
/** The guardian an admin restricts, and the one who keeps hearing about the child. */
let restricted: { id: string; email: string };
let other: { id: string; email: string };

const ctxOf = (actor: Actor) => testContext(handle.db, actor, NOW);

/** The family's letters about the child, as the log holds them. */
const lettersAbout = (student: string) =>
  withTenant(handle.db, admin, (tx) =>
    tx
      .select()
      .from(communications)
      .where(
        and(eq(communications.tenantId, admin.tenantId), eq(communications.studentId, student)),
      ),
  );

const queueTierChange = (fromTier: number, toTier: number) =>
  withTenant(handle.db, specialist, (tx) =>
    queueTierChangeLetters(tx, ctxOf(specialist), {
      studentId,
      interventionId: null,
      fromTier,
      toTier,
      decision: "escalate",
      decidedOn: "2026-11-25",
      justification: "Below the benchmark after six weeks.",
    }),
  );

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  process.env.APP_URL = "https://northstar.test";
  handle = connect(inject("appUrl"), { max: 4 });
  admin = await loadDemoActor(handle.db, "admin@maplegrove.example");
  specialist = await loadDemoActor(handle.db, "johnson@maplegrove.example");
  cedarAdmin = await loadDemoActor(handle.db, "admin@cedarridge.example");
  const family = await newTestFamily(handle.db, admin.tenantId, ["en", "es"]);
  studentId = family.studentId;
  [restricted, other] = [family.guardians[0]!, family.guardians[1]!];
});

afterAll(async () => {
  await handle.close();
});

describe("a contact restriction (issue 13, point 4)", () => {
  it("is for district admins, on a guardian of the child in their own district", async () => {
    const input = { studentId, guardianId: restricted.id, reason: "Court order 2026-114" };
    await expect(recordContactRestriction(ctxOf(specialist), input)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(recordContactRestriction(ctxOf(cedarAdmin), input)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      recordContactRestriction(ctxOf(admin), { ...input, guardianId: randomUUID() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await lettersAbout(studentId)).toHaveLength(0);
  });

  it("withholds the guardian's queued letters about the child, and every later one, while the other guardian still gets them", async () => {
    // A letter queued before the restriction, to each guardian.
    expect(await queueTierChange(1, 2)).toBe(2);

    // As the form's action hands it over: parsed (trimmed) by the shared schema.
    const result = await recordContactRestriction(
      ctxOf(admin),
      contactRestrictionSchema.parse({
        studentId,
        guardianId: restricted.id,
        reason: "  Court order 2026-114: no contact with the father  ",
      }),
    );
    expect(result).toMatchObject({
      contactRestricted: true,
      restrictionNote: "Court order 2026-114: no contact with the father",
      lettersWithheld: 1,
    });
    await expect(
      recordContactRestriction(ctxOf(admin), {
        studentId,
        guardianId: restricted.id,
        reason: "Again",
      }),
    ).rejects.toBeInstanceOf(ConflictError);

    // Every path that writes to the family after it: a tier change, an enrollment, an exit.
    expect(await queueTierChange(2, 3)).toBe(1);
    const facilitatorId = await newFacilitator(handle.db, admin.tenantId);
    const created = await createIntervention(
      ctxOf(specialist),
      createInterventionSchema.parse({
        name: `Restricted Family Reading ${randomUUID().slice(0, 6)} - Tier 2`,
        tier: 2,
        focusArea: "Reading Fluency",
        startDate: "2026-11-30",
        durationWeeks: 6,
        schedule: { days: ["MO", "WE"], startTime: "13:10", minutes: 30 },
        facilitatorIds: [facilitatorId],
        studentIds: [studentId],
      }),
    );
    const enrollmentId = await withTenant(handle.db, admin, async (tx) => {
      const [row] = await tx
        .select({ id: interventionEnrollments.id })
        .from(interventionEnrollments)
        .where(
          and(
            eq(interventionEnrollments.tenantId, admin.tenantId),
            eq(interventionEnrollments.interventionId, created.body.id),
          ),
        );
      return row!.id;
    });
    expect(
      await withTenant(handle.db, specialist, (tx) =>
        queueExitCelebrationLetters(tx, admin.tenantId, {
          enrollmentId,
          interventionId: created.body.id,
          studentId,
          exitDate: "2026-11-25",
          report: null,
        }),
      ),
    ).toBe(1);

    const letters = await lettersAbout(studentId);
    const toRestricted = letters.filter((l) => l.guardianId === restricted.id);
    const toOther = letters.filter((l) => l.guardianId === other.id);
    // Only the letter queued before the restriction exists, and it will never be sent.
    expect(toRestricted).toHaveLength(1);
    expect(toRestricted[0]).toMatchObject({
      kind: "tier-change",
      status: "suppressed",
      lastError: WITHHELD_NOTES["contact-restricted"],
    });
    expect(toOther.map((l) => l.kind).sort()).toEqual([
      "enrollment",
      "exit-celebration",
      "tier-change",
      "tier-change",
    ]);
    expect(toOther.every((l) => l.status === "queued" && l.language === "es")).toBe(true);

    const [audit] = await withTenant(handle.db, admin, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.tenantId, admin.tenantId),
            eq(auditLog.action, "student_guardian.contact-restricted"),
            eq(auditLog.entityId, restricted.id),
          ),
        ),
    );
    expect(audit).toMatchObject({
      actorUserId: admin.userId,
      studentId,
      reason: "Court order 2026-114: no contact with the father",
    });
  });

  it("holds back at delivery a letter queued for the guardian while the restriction was being recorded", async () => {
    const [late] = await withTenant(handle.db, admin, (tx) =>
      tx
        .insert(communications)
        .values({
          tenantId: admin.tenantId,
          kind: "tier-change",
          studentId,
          guardianId: restricted.id,
          toAddress: restricted.email,
          language: "en",
          subject: "A message from Maple Grove School District about your child",
          body: "Written just before the restriction was recorded.",
          required: true,
        })
        .returning({ id: communications.id }),
    );
    const report = await deliverDueMail(
      { db: handle.db, mailer: null, now: () => NOW },
      admin.tenantId,
    );
    expect(report.withheld).toBeGreaterThanOrEqual(1);
    const letters = await lettersAbout(studentId);
    expect(letters.find((l) => l.id === late!.id)).toMatchObject({
      status: "suppressed",
      lastError: WITHHELD_NOTES["contact-restricted"],
    });
    // The other guardian's letters went on (kept for the mailbox: no SMTP in this test).
    expect(
      letters.filter((l) => l.guardianId === other.id).every((l) => l.status === "stored"),
    ).toBe(true);
  });

  it("takes the child out of the restricted guardian's portal, and out of their opt-out link, not the other guardian's", async () => {
    const children = (guardianId: string) =>
      withTenant(handle.db, admin, (tx) => childrenOfGuardian(tx, admin.tenantId, guardianId));
    expect((await children(restricted.id)).map((c) => c.id)).not.toContain(studentId);
    expect((await children(other.id)).map((c) => c.id)).toContain(studentId);

    const portalOf = async (guardianId: string) =>
      (await getFamilyOverview(ctxOf(parentActor(admin, guardianId)))).map((c) => c.id);
    expect(await portalOf(restricted.id)).not.toContain(studentId);
    expect(await portalOf(other.id)).toContain(studentId);

    const enrollment = (await lettersAbout(studentId)).find((l) => l.kind === "enrollment");
    const optOutOf = (guardianId: string) =>
      describeOptOut(
        { db: handle.db, now: () => NOW, requestId: "restriction-test", secret: SECRET },
        signOptOutToken(
          {
            tenantId: admin.tenantId,
            enrollmentId: enrollment!.enrollmentId!,
            guardianId,
            expiresAt: NOW.getTime() / 1000 + 3600,
          },
          SECRET,
        ),
      );
    expect((await optOutOf(restricted.id)).state).toBe("invalid");
    expect((await optOutOf(other.id)).state).not.toBe("invalid");
  });

  it("is listed on the admin's page, found by the child's name", async () => {
    const onRecord = await listGuardianLinks(ctxOf(admin), "");
    expect(
      onRecord.links.find((l) => l.studentId === studentId && l.guardianId === restricted.id),
    ).toMatchObject({ contactRestricted: true });
    expect(onRecord.links.every((l) => l.contactRestricted)).toBe(true);
    const found = await listGuardianLinks(ctxOf(admin), "Linh Family");
    expect(found.links.filter((l) => l.studentId === studentId)).toHaveLength(2);
    await expect(listGuardianLinks(ctxOf(specialist), "")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("when lifted, brings letters and the portal back, leaves the withheld letters unsent, and is audited", async () => {
    await expect(
      liftContactRestriction(ctxOf(admin), {
        studentId,
        guardianId: other.id,
        reason: "Nothing to lift",
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await liftContactRestriction(ctxOf(admin), {
      studentId,
      guardianId: restricted.id,
      reason: "The order ended on 2026-11-24",
    });
    expect(await queueTierChange(3, 2)).toBe(2);
    const letters = await lettersAbout(studentId);
    const toRestricted = letters.filter((l) => l.guardianId === restricted.id);
    expect(toRestricted.map((l) => l.status).sort()).toEqual([
      "queued",
      "suppressed",
      "suppressed",
    ]);
    const children = await withTenant(handle.db, admin, (tx) =>
      childrenOfGuardian(tx, admin.tenantId, restricted.id),
    );
    expect(children.map((c) => c.id)).toContain(studentId);

    const [audit] = await withTenant(handle.db, admin, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.tenantId, admin.tenantId),
            eq(auditLog.action, "student_guardian.contact-restriction-lifted"),
            eq(auditLog.entityId, restricted.id),
          ),
        ),
    );
    expect(audit).toMatchObject({
      studentId,
      reason: "The order ended on 2026-11-24",
      before: {
        contactRestricted: true,
        restrictionNote: "Court order 2026-114: no contact with the father",
      },
    });
  });
});
