import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import {
  disclosures,
  interventionEnrollments,
  interventions,
  probeScores,
  students,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { addDays } from "@/lib/domain/calendar/dates";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { Actor } from "@/lib/domain/policy";
import { renderReferralPacketPdf } from "@/lib/integrations/pdf/render";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { nthWeekday, schoolYearOf } from "@/scripts/seed/calendar";
import { testContext } from "@/test/fixtures/oneroster/district";
import { newFacilitator } from "@/test/support/facilitators";
import { pdfPages } from "@/test/support/pdf";
import { createIntervention } from "../interventions/create-intervention";
import { getReferralPacket } from "./get-referral-packet";
import { listEvaluationRequests, listOpenEvaluationRequests } from "./list-evaluation-requests";
import { recordEvaluationRequest } from "./record-evaluation-request";
import { respondToEvaluationRequest } from "./respond-to-evaluation-request";

let handle: DatabaseHandle;
let specialist: Actor;
let teacher: Actor;
let parent: Actor;
let padre: Actor;
let cedarSpecialist: Actor;
/** Emma Wilson: in a seeded group, put in a second one by the test. */
let studentId: string;
let emma: string;

const ctx = (actor: Actor) => testContext(handle.db, actor);

beforeAll(async () => {
  handle = connect(inject("appUrl"), { max: 2 });
  specialist = await loadDemoActor(handle.db, DEMO_ACCOUNTS.specialist);
  teacher = await loadDemoActor(handle.db, DEMO_ACCOUNTS.teacher);
  parent = await loadDemoActor(handle.db, DEMO_ACCOUNTS.parent);
  padre = await loadDemoActor(handle.db, DEMO_ACCOUNTS.padre);
  cedarSpecialist = await loadDemoActor(handle.db, DEMO_ACCOUNTS.cedarSpecialist);
  await withTenant(handle.db, specialist, async (tx) => {
    const [wilson] = await tx
      .select({ id: students.id })
      .from(students)
      .where(
        and(
          eq(students.tenantId, specialist.tenantId),
          eq(students.firstName, "Emma"),
          eq(students.lastName, "Wilson"),
        ),
      );
    emma = wilson!.id;
    studentId = emma;
  });
  // Emma, in a seeded group, joins a second one, run by a facilitator of the test's own, in the afternoon.
  const facilitator = await newFacilitator(handle.db, specialist.tenantId);
  const springStart = addDays(
    nthWeekday(schoolYearOf(inject("seedToday")).startYear + 1, 3, "MO", 3),
    7,
  );
  const second = await createIntervention(
    ctx(specialist),
    createInterventionSchema.parse({
      name: `Referral Math Facts (${randomUUID().slice(0, 8)})`,
      tier: 3,
      focusArea: "Math Fluency",
      startDate: springStart,
      durationWeeks: 6,
      schedule: { days: ["TU", "TH"], startTime: "15:00", minutes: 30 },
      facilitatorIds: [facilitator],
      studentIds: [studentId],
      override: { reason: "Test group: the referral packet's second intervention." },
    }),
  );
  // Its measure and four weekly scores: the graph has points, an aim line and a trend line.
  const groupId = second.body.id;
  await withTenant(handle.db, specialist, async (tx) => {
    await tx
      .update(interventions)
      .set({
        measureName: "Math facts correct",
        measureUnit: "facts",
        measureDirection: "higher",
        goalValue: 40,
      })
      .where(and(eq(interventions.tenantId, specialist.tenantId), eq(interventions.id, groupId)));
    await tx.insert(probeScores).values(
      [12, 15, 17, 21].map((value, week) => ({
        tenantId: specialist.tenantId,
        interventionId: groupId,
        studentId,
        scoreDate: addDays(springStart, 1 + week * 7),
        value,
        recordedBy: specialist.userId,
      })),
    );
  });
});

afterAll(async () => {
  await handle.close();
});

describe("the referral packet", () => {
  it("has a cover, one page per intervention with its graph, then decisions and letters", async () => {
    const { packet, disclosureId } = await getReferralPacket(ctx(specialist), studentId, {
      format: "pdf",
    });
    expect(packet.interventions.length).toBeGreaterThanOrEqual(2);
    const pages = pdfPages(await renderReferralPacketPdf(packet));

    // The cover, one page per intervention, one page of decisions and letters (Emma has few).
    expect(pages).toHaveLength(1 + packet.interventions.length + 1);
    expect(pages[0]).toContain("Special education referral");
    expect(pages[0]).toContain("ask the school to evaluate your child");
    packet.interventions.forEach((intervention, index) => {
      const page = pages[index + 1]!;
      expect(page).toContain(intervention.name);
      // Its graph: the legend and the rate of improvement drawn beside it.
      expect(page).toContain("Progress:");
      expect(page).toContain("Trend line (actual)");
      expect(page).toContain("Rate of improvement");
      // ...and no other intervention's page.
      for (const other of packet.interventions) {
        if (
          other.interventionId !== intervention.interventionId &&
          !intervention.name.includes(other.name)
        ) {
          expect(page.split("\n")[0]).not.toContain(other.name);
        }
      }
    });
    const rest = pages.slice(packet.interventions.length + 1).join("\n");
    expect(rest).toContain("Tier decisions");
    expect(rest).toContain("Letters sent to the family");
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);

    const [row] = await withTenant(handle.db, specialist, (tx) =>
      tx
        .select()
        .from(disclosures)
        .where(
          and(eq(disclosures.tenantId, specialist.tenantId), eq(disclosures.id, disclosureId)),
        ),
    );
    expect(row).toMatchObject({
      studentId,
      purpose: "special education referral",
      disclosedBy: specialist.userId,
    });
    expect(row!.details).toMatchObject({ kind: "referral-packet", format: "pdf" });
  });

  it("is another district's student: 404; her teacher and her parent: 403", async () => {
    await expect(
      getReferralPacket(ctx(cedarSpecialist), studentId, { format: "pdf" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReferralPacket(ctx(parent), emma, { format: "print" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(getReferralPacket(ctx(teacher), emma, { format: "pdf" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("requests for an evaluation", () => {
  it("are recorded for a parent's own child even while the child is in an intervention", async () => {
    const history = await withTenant(handle.db, specialist, (tx) =>
      tx
        .select({ id: interventionEnrollments.id })
        .from(interventionEnrollments)
        .where(
          and(
            eq(interventionEnrollments.tenantId, specialist.tenantId),
            eq(interventionEnrollments.studentId, emma),
            eq(interventionEnrollments.isActive, true),
          ),
        ),
    );
    expect(history.length).toBeGreaterThan(0);
    const request = await recordEvaluationRequest(ctx(parent), emma, {
      note: "We would like Emma evaluated for a reading disability.",
    });
    expect(request).toMatchObject({
      studentId: emma,
      requesterKind: "guardian",
      requesterName: parent.name,
      status: "open",
    });
    expect((await listEvaluationRequests(ctx(parent), emma)).map((r) => r.id)).toContain(
      request.id,
    );
    expect((await listOpenEvaluationRequests(ctx(specialist))).map((r) => r.id)).toContain(
      request.id,
    );
    // It appears in the packet, and the team answers it once.
    const { packet } = await getReferralPacket(ctx(specialist), emma, { format: "print" });
    expect(packet.evaluationRequests.length).toBeGreaterThan(0);
    await expect(
      respondToEvaluationRequest(ctx(teacher), request.id, { response: "We will evaluate." }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const answered = await respondToEvaluationRequest(ctx(specialist), request.id, {
      response: "Consent form sent home on the day of the request.",
    });
    expect(answered.status).toBe("answered");
    expect((await listOpenEvaluationRequests(ctx(specialist))).map((r) => r.id)).not.toContain(
      request.id,
    );
  });

  it("from a guardian of another child, or another district: 404", async () => {
    await expect(
      recordEvaluationRequest(ctx(padre), emma, { note: "Not my child" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      recordEvaluationRequest(ctx(cedarSpecialist), emma, { requesterName: "Someone" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("are written down by any staff member for a student of the district", async () => {
    const request = await recordEvaluationRequest(ctx(teacher), studentId, {
      requesterName: "A parent on the phone",
    });
    expect(request).toMatchObject({
      requesterKind: "guardian",
      requesterName: "A parent on the phone",
    });
  });
});
