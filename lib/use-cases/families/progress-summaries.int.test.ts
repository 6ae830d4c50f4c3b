import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, lte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import {
  communications,
  guardians,
  progressSummaries,
  reportingPeriods,
  schools,
  schoolYears,
  studentGuardians,
  students,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { addDays, instantAt } from "@/lib/domain/calendar/dates";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
} from "@/lib/domain/errors";
import { PROGRESS_SUMMARY_KIND, type SummaryContent } from "@/lib/domain/families/progress-summary";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { Actor } from "@/lib/domain/policy";
import { progressNoteSchema } from "@/lib/domain/sessions/schemas";
import { attachmentsOf } from "@/lib/integrations/mail/attachments";
import { mailerFromUrl } from "@/lib/integrations/mail/mailer";
import { renderProgressSummaryPdf } from "@/lib/integrations/pdf/render";
import { contextOn, type Demo, loadDemo, rejection } from "@/test/support/demo-sessions";
import { newFacilitator } from "@/test/support/facilitators";
import { pdfPages } from "@/test/support/pdf";
import { headerOf, startTestSmtp } from "@/test/support/smtp";
import { deliverDueMail } from "../communications/deliver-due-mail";
import { createIntervention } from "../interventions/create-intervention";
import { addProgressNote } from "../progress/add-progress-note";
import { addReportingPeriod } from "./add-reporting-period";
import { getSummaryForPdf } from "./get-summary-pdf";
import { setProgressSummaryHold } from "./hold-progress-summary";
import { previewProgressSummary } from "./preview-progress-summary";
import { sendProgressSummariesOf } from "./send-progress-summaries";

let app: DatabaseHandle;
let demo: Demo;
let specialist: Actor;
const seedToday = inject("seedToday");

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 4 });
  demo = await loadDemo(app);
  specialist = demo.actors.specialist;
});

afterAll(async () => {
  await app?.close();
});

/** A child of the test's own in a group of its own, with an English- and a Spanish-speaking guardian. */
async function newFamily() {
  const suffix = randomUUID().slice(0, 8);
  const { studentId, guardianIds } = await withTenant(app.db, specialist, async (tx) => {
    const [school] = await tx.select({ id: schools.id }).from(schools).limit(1);
    const [student] = await tx
      .insert(students)
      .values({
        tenantId: specialist.tenantId,
        schoolId: school!.id,
        localId: `S-${suffix}`,
        firstName: "Nora",
        lastName: `Summary ${suffix}`,
        grade: 2,
        currentTier: 2,
      })
      .returning({ id: students.id });
    const rows = await tx
      .insert(guardians)
      .values(
        (["en", "es"] as const).map((language) => ({
          tenantId: specialist.tenantId,
          firstName: language === "en" ? "Pat" : "Lucía",
          lastName: `Summary ${suffix}`,
          email: `${language}-${suffix}@family.example`,
          language,
        })),
      )
      .returning({ id: guardians.id });
    await tx.insert(studentGuardians).values(
      rows.map((g) => ({
        tenantId: specialist.tenantId,
        studentId: student!.id,
        guardianId: g.id,
      })),
    );
    return { studentId: student!.id, guardianIds: rows.map((g) => g.id) };
  });
  const ctx = contextOn(app.db, specialist);
  const created = await createIntervention(
    ctx,
    createInterventionSchema.parse({
      name: `Summary Reading ${suffix} - Tier 2`,
      tier: 2,
      focusArea: "Reading Fluency",
      startDate: addDays(seedToday, -20),
      durationWeeks: 8,
      schedule: { days: ["TU", "TH"], startTime: "16:05", minutes: 20 },
      facilitatorIds: [await newFacilitator(app.db, specialist.tenantId)],
      studentIds: [studentId],
    }),
  );
  await addProgressNote(
    ctx,
    created.body.id,
    progressNoteSchema.parse({
      studentId,
      date: seedToday,
      observation: "Nora read the whole story aloud to the group.",
      visibility: "family",
    }),
  );
  await addProgressNote(
    ctx,
    created.body.id,
    progressNoteSchema.parse({
      studentId,
      date: seedToday,
      observation: "Team only: check her hearing screening.",
      visibility: "team",
    }),
  );
  return { studentId, guardianIds };
}

/**
 * The test's period: the first seeded one ending today or within a week, else one the test adds
 * a week on (the children enroll today, their notes are dated today). The summaries run the day
 * after it ends.
 */
let period: { id: string; endsOn: string } | undefined;
async function testPeriod(): Promise<string> {
  period ??= await withTenant(app.db, specialist, async (tx) => {
    const [seeded] = await tx
      .select({ id: reportingPeriods.id, endsOn: reportingPeriods.endsOn })
      .from(reportingPeriods)
      .where(
        and(
          gte(reportingPeriods.endsOn, seedToday),
          lte(reportingPeriods.endsOn, addDays(seedToday, 7)),
        ),
      )
      .orderBy(asc(reportingPeriods.endsOn))
      .limit(1);
    if (seeded) return seeded;
    const endsOn = addDays(seedToday, 7);
    const [year] = await tx
      .select({ id: schoolYears.id })
      .from(schoolYears)
      .orderBy(desc(lte(schoolYears.firstDay, endsOn)), asc(schoolYears.firstDay));
    const [row] = await tx
      .insert(reportingPeriods)
      .values({
        tenantId: specialist.tenantId,
        schoolYearId: year!.id,
        name: "Test period",
        endsOn,
      })
      .returning({ id: reportingPeriods.id, endsOn: reportingPeriods.endsOn });
    return row!;
  });
  return period.id;
}

const now = () => instantAt(addDays(period!.endsOn, 1), "07:00", specialist.timeZone);

/** The child's summaries of the test's period (a seeded quarter may also be due that day). */
async function summariesOf(studentId: string) {
  const periodId = await testPeriod();
  return withTenant(app.db, specialist, (tx) =>
    tx
      .select()
      .from(progressSummaries)
      .where(
        and(eq(progressSummaries.studentId, studentId), eq(progressSummaries.periodId, periodId)),
      ),
  );
}

/** The letters of those summaries. */
async function lettersOf(studentId: string) {
  const ids = (await summariesOf(studentId)).flatMap((s) =>
    s.communicationId ? [s.communicationId] : [],
  );
  if (ids.length === 0) return [];
  return withTenant(app.db, specialist, (tx) =>
    tx
      .select()
      .from(communications)
      .where(and(inArray(communications.id, ids), eq(communications.kind, PROGRESS_SUMMARY_KIND))),
  );
}

describe("progress summaries (issue 13, point 1)", () => {
  it("write one summary per guardian in their language, with the family's notes only", async () => {
    const { studentId, guardianIds } = await newFamily();
    await testPeriod();
    const result = await sendProgressSummariesOf(app.db, specialist.tenantId, now(), [studentId]);
    expect(result.sent).toBeGreaterThanOrEqual(2);

    const letters = await lettersOf(studentId);
    expect(letters.map((l) => l.guardianId).sort()).toEqual([...guardianIds].sort());
    const english = letters.find((l) => l.language === "en")!;
    const spanish = letters.find((l) => l.language === "es")!;
    expect(english.subject).toBe(`A progress summary from ${specialist.districtName}`);
    expect(english.body).toContain("Nora read the whole story aloud to the group.");
    expect(english.body).not.toContain("hearing screening");
    expect(english.required).toBe(false);
    expect(spanish.body).toContain("Este es el resumen del progreso de Nora");
    const rows = await summariesOf(studentId);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(rows.every((r) => r.communicationId !== null)).toBe(true);

    // Its PDF says the same, with the child's name and the family's note, in Spanish for Lucía.
    const inSpanish = rows.find((r) => r.language === "es")!;
    const [page] = pdfPages(await renderProgressSummaryPdf(inSpanish.content as SummaryContent));
    expect(page).toContain("Nora Summary");
    expect(page).toContain("Nora read the whole story aloud to the group.");
    expect(page).toContain("Este es el resumen del progreso de Nora");
    expect(page).not.toContain("hearing screening");

    // The letter's PDF is its own guardian's to download (and the team's), nobody else's.
    const asGuardian = (guardianId: string) =>
      contextOn(app.db, { ...demo.actors.parent, guardianId });
    const ownLetter = inSpanish.communicationId!;
    const own = await getSummaryForPdf(asGuardian(inSpanish.guardianId), ownLetter);
    expect(own.content.language).toBe("es");
    const otherGuardian = guardianIds.find((id) => id !== inSpanish.guardianId)!;
    for (const ctx of [
      asGuardian(otherGuardian),
      contextOn(app.db, demo.actors.parent),
      contextOn(app.db, demo.actors.teacher),
      contextOn(app.db, demo.actors.cedarSpecialist),
    ]) {
      expect(await rejection(getSummaryForPdf(ctx, ownLetter))).toBeInstanceOf(NotFoundError);
    }
    expect((await getSummaryForPdf(contextOn(app.db, specialist), ownLetter)).filename).toMatch(
      /^progress-summary-.*nora\.pdf$/,
    );
  });

  it("is e-mailed with its PDF through a real mail server", async () => {
    const { studentId } = await newFamily();
    await testPeriod();
    await sendProgressSummariesOf(app.db, specialist.tenantId, now(), [studentId]);
    const smtp = await startTestSmtp();
    const mailer = mailerFromUrl(smtp.url);
    try {
      // Deliver until this family's summaries are out (other letters may be queued too).
      const addresses = (await lettersOf(studentId)).map((l) => l.toAddress as string);
      const summaryTo = (address: string) =>
        smtp.received.some(
          (m) =>
            m.to.includes(address) && /progress summary/i.test(headerOf(m.raw, "Subject") ?? ""),
        );
      for (let round = 0; round < 20; round++) {
        if (addresses.every(summaryTo)) break;
        await deliverDueMail({ db: app.db, mailer, now, attachmentsOf }, specialist.tenantId);
      }
      // The family's enrollment letter goes to the same address: take the summary's message.
      const english = smtp.received.find(
        (m) =>
          m.to.some((to) => to.startsWith("en-") && addresses.includes(to)) &&
          /progress summary/i.test(headerOf(m.raw, "Subject") ?? ""),
      );
      expect(english, "the English guardian's summary was delivered").toBeDefined();
      expect(headerOf(english!.raw, "Subject")).toContain("progress summary");
      expect(english!.raw).toMatch(
        /Content-Type: application\/pdf; name=progress-summary-nora\.pdf/i,
      );
      expect(english!.raw).toMatch(/Content-Disposition: attachment/i);
    } finally {
      mailer?.close();
      await smtp.close();
    }
  });

  it("sends each summary once, with two runners at once and after a run stopped halfway", async () => {
    const first = await newFamily();
    const second = await newFamily();
    await testPeriod();
    // A run that stopped after the first child: its summaries are written, the second's not.
    await sendProgressSummariesOf(app.db, specialist.tenantId, now(), [first.studentId]);
    expect(await lettersOf(second.studentId)).toHaveLength(0);
    // Two runners start at once and both find the second child to do.
    const runs = await Promise.all([
      sendProgressSummariesOf(app.db, specialist.tenantId, now(), [
        first.studentId,
        second.studentId,
      ]),
      sendProgressSummariesOf(app.db, specialist.tenantId, now(), [
        first.studentId,
        second.studentId,
      ]),
    ]);
    // Between them the two runners wrote the second child's summaries once.
    expect(runs.every((r) => r.sent <= 2 * r.periods)).toBe(true);
    expect(await lettersOf(first.studentId)).toHaveLength(2);
    expect(await lettersOf(second.studentId)).toHaveLength(2);
    // And a later pass finds nothing left to send.
    const again = await sendProgressSummariesOf(app.db, specialist.tenantId, now(), [
      first.studentId,
      second.studentId,
    ]);
    expect(again.sent).toBe(0);
  });

  it("lets a specialist preview and hold a child's summary before it goes out", async () => {
    const { studentId } = await newFamily();
    const periodId = await testPeriod();
    // Before the period ends, the specialist previews it and holds it.
    const dayBefore = contextOn(app.db, specialist);
    const preview = await previewProgressSummary(dayBefore, studentId);
    expect(preview.period?.id).toBe(periodId);
    expect(preview.letters.map((l) => l.language).sort()).toEqual(["en", "es"]);
    expect(preview.letters[0]!.body).toContain("Nora");
    await setProgressSummaryHold(dayBefore, studentId, {
      periodId,
      reason: "Family meeting first.",
      held: true,
    });

    const result = await sendProgressSummariesOf(app.db, specialist.tenantId, now(), [studentId]);
    expect(result.held).toBeGreaterThanOrEqual(2);
    expect(await lettersOf(studentId)).toHaveLength(0);
    expect((await summariesOf(studentId)).map((r) => r.status)).toEqual(["held", "held"]);
    // Once written, the hold can no longer change.
    expect(
      await rejection(setProgressSummaryHold(dayBefore, studentId, { periodId, held: false })),
    ).toBeInstanceOf(ConflictError);
  });

  it("sends nothing to a guardian under a contact restriction", async () => {
    const { studentId, guardianIds } = await newFamily();
    await withTenant(app.db, specialist, (tx) =>
      tx
        .update(studentGuardians)
        .set({ contactRestricted: true, restrictionNote: "Court order" })
        .where(
          and(
            eq(studentGuardians.studentId, studentId),
            inArray(studentGuardians.guardianId, [guardianIds[1]!]),
          ),
        ),
    );
    await testPeriod();
    await sendProgressSummariesOf(app.db, specialist.tenantId, now(), [studentId]);
    expect((await lettersOf(studentId)).map((l) => l.guardianId)).toEqual([guardianIds[0]]);
  });

  it("keeps the reporting calendar inside the school year, one period per end day", async () => {
    const admin = contextOn(app.db, demo.actors.admin);
    const [year] = await withTenant(app.db, specialist, (tx) =>
      tx.select().from(schoolYears).orderBy(asc(schoolYears.firstDay)),
    );
    const outside = await rejection(
      addReportingPeriod(admin, {
        schoolYearId: year!.id,
        name: "Too late",
        endsOn: addDays(year!.lastDay, 1),
      }),
    );
    expect(outside).toBeInstanceOf(UnprocessableError);
    const taken = await withTenant(app.db, specialist, (tx) =>
      tx.select().from(reportingPeriods).where(eq(reportingPeriods.schoolYearId, year!.id)),
    );
    expect(
      await rejection(
        addReportingPeriod(admin, {
          schoolYearId: year!.id,
          name: "Twice",
          endsOn: taken[0]!.endsOn,
        }),
      ),
    ).toBeInstanceOf(ConflictError);
    expect(
      await rejection(
        addReportingPeriod(contextOn(app.db, specialist), {
          schoolYearId: year!.id,
          name: "Not mine",
          endsOn: year!.lastDay,
        }),
      ),
    ).toBeInstanceOf(ForbiddenError);
  });

  it("is previewed by specialists and admins of the district only", async () => {
    const { studentId } = await newFamily();
    for (const actor of [demo.actors.teacher, demo.actors.facilitator, demo.actors.parent]) {
      expect(
        await rejection(previewProgressSummary(contextOn(app.db, actor), studentId)),
      ).toBeInstanceOf(ForbiddenError);
    }
    expect(
      await rejection(
        previewProgressSummary(contextOn(app.db, demo.actors.cedarSpecialist), studentId),
      ),
    ).toBeInstanceOf(NotFoundError);
  });
});
