import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import {
  communications,
  guardians,
  outbox,
  schools,
  studentGuardians,
  students,
  tierChanges,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import { addDays, todayIn, weekStartOf } from "@/lib/domain/calendar/dates";
import { UnprocessableError } from "@/lib/domain/errors";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { Actor } from "@/lib/domain/policy";
import { monitoringPlanSchema, progressNoteSchema } from "@/lib/domain/sessions/schemas";
import { changeTierSchema } from "@/lib/domain/tiers/schemas";
import { loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { newFacilitator } from "@/test/support/facilitators";
import { createIntervention } from "../interventions/create-intervention";
import { addProgressNote } from "../progress/add-progress-note";
import { setMonitoringPlan } from "../progress/set-monitoring-plan";
import { studentInterventionHistory } from "../students/student-intervention-history";
import { changeTier } from "./change-tier";
import { getTierDecision } from "./get-tier-decision";

let handle: DatabaseHandle;
let specialist: Actor;
let studentId: string;
let interventionId: string;

/** A student of our own with a Spanish-speaking guardian, so no other test's data moves. */
async function newStudentWithSpanishGuardian(): Promise<string> {
  const suffix = randomUUID().slice(0, 8);
  return withTenant(handle.db, specialist, async (tx) => {
    const [school] = await tx
      .select({ id: schools.id })
      .from(schools)
      .where(eq(schools.tenantId, specialist.tenantId))
      .limit(1);
    const [student] = await tx
      .insert(students)
      .values({
        tenantId: specialist.tenantId,
        schoolId: school!.id,
        localId: `T-${suffix}`,
        firstName: "Lucía",
        lastName: `Prueba ${suffix}`,
        grade: 3,
        currentTier: 2,
      })
      .returning({ id: students.id });
    const [guardian] = await tx
      .insert(guardians)
      .values({
        tenantId: specialist.tenantId,
        firstName: "Rosa",
        lastName: `Prueba ${suffix}`,
        email: `rosa-${suffix}@family.example`,
        language: "es",
      })
      .returning({ id: guardians.id });
    await tx.insert(studentGuardians).values({
      tenantId: specialist.tenantId,
      studentId: student!.id,
      guardianId: guardian!.id,
    });
    return student!.id;
  });
}

beforeAll(async () => {
  handle = connect(inject("appUrl"), { max: 4 });
  specialist = await loadDemoActor(handle.db, "johnson@maplegrove.example");
  studentId = await newStudentWithSpanishGuardian();
  const facilitatorId = await newFacilitator(handle.db, specialist.tenantId);
  const ctx = contextOf(handle.db, specialist);
  // Started six weeks before the pinned day (on a Monday) and never held: fidelity is 0 %. The
  // weekly probes follow from there, so none is dated after today on any clock of the matrix.
  const today = todayIn(specialist.timeZone, now());
  const startDate = weekStartOf(addDays(today, -42));
  const created = await createIntervention(
    ctx,
    createInterventionSchema.parse({
      name: `Fluency Boost ${randomUUID().slice(0, 6)} - Tier 2`,
      tier: 2,
      focusArea: "Reading Fluency",
      startDate,
      durationWeeks: 12,
      schedule: { days: ["MO", "WE"], startTime: "14:30", minutes: 30 },
      facilitatorIds: [facilitatorId],
      studentIds: [studentId],
    }),
  );
  interventionId = created.body.id;
  await setMonitoringPlan(
    ctx,
    interventionId,
    monitoringPlanSchema.parse({
      measureName: "WCPM",
      measureDirection: "higher",
      goalValue: 90,
      version: created.body.version,
    }),
  );
  for (const [week, value] of [40, 41, 40, 42, 41, 42].entries()) {
    const date = addDays(startDate, 2 + 7 * week);
    await addProgressNote(
      ctx,
      interventionId,
      progressNoteSchema.parse({
        studentId,
        date,
        observation: "Weekly probe.",
        measure: { name: "WCPM", value },
      }),
    );
  }
});

afterAll(async () => {
  await handle.close();
});

describe("a tier decision (Scenario 7)", () => {
  it("refuses an escalation at low fidelity without a reason to go on (422, lowFidelityReason)", async () => {
    const input = changeTierSchema.parse({
      toTier: 3,
      reason: "Six weeks below the aim line with flat growth.",
      interventionId,
    });
    const refusal = await changeTier(contextOf(handle.db, specialist), studentId, input).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(UnprocessableError);
    expect((refusal as UnprocessableError).errors.map((e) => e.path)).toEqual([
      "lowFidelityReason",
    ]);
    const written = await withTenant(handle.db, specialist, (tx) =>
      tx
        .select()
        .from(tierChanges)
        .where(
          and(eq(tierChanges.tenantId, specialist.tenantId), eq(tierChanges.studentId, studentId)),
        ),
    );
    expect(written).toHaveLength(0);
  });

  it("stores the snapshot taken on the server, the team, the event and a Spanish letter", async () => {
    const input = changeTierSchema.parse({
      toTier: 3,
      decision: "escalate",
      reason: "Six weeks below the aim line with flat growth.",
      interventionId,
      team: [
        { staffId: specialist.staffId, name: "Ms. Johnson", role: "Reading specialist" },
        { name: "Mr. Lee", role: "Classroom teacher" },
      ],
      lowFidelityReason: "Sessions were missed for the book fair; the growth was flat before it.",
      // A client's snapshot is not part of the input: it is stripped, never stored.
      dataSnapshot: { scores: [{ date: "2026-01-01", value: 999 }] },
    });
    const result = await changeTier(contextOf(handle.db, specialist), studentId, input);
    expect(result.body).toMatchObject({
      decision: "escalate",
      fromTier: 2,
      toTier: 3,
      fidelity: 0,
      lettersQueued: 1,
      snapshotUrl: `/students/${studentId}/decisions/${result.body.id}`,
    });

    const { row, events, letters } = await withTenant(handle.db, specialist, async (tx) => ({
      row: (
        await tx
          .select()
          .from(tierChanges)
          .where(
            and(eq(tierChanges.tenantId, specialist.tenantId), eq(tierChanges.id, result.body.id)),
          )
      )[0],
      events: await tx
        .select()
        .from(outbox)
        .where(
          and(
            eq(outbox.tenantId, specialist.tenantId),
            eq(outbox.type, "TierEscalatedEvent"),
            eq(outbox.subject, `student/${studentId}`),
          ),
        ),
      letters: await tx
        .select()
        .from(communications)
        .where(
          and(
            eq(communications.tenantId, specialist.tenantId),
            eq(communications.studentId, studentId),
            eq(communications.kind, "tier-change"),
          ),
        ),
    }));
    const snapshot = row!.dataSnapshot as Record<string, unknown>;
    expect(snapshot).toMatchObject({
      version: 1,
      intervention: { id: interventionId, tier: 2 },
      measure: { name: "WCPM", goal: 90, direction: "higher" },
      fidelity: { value: 0, trusted: false },
      attendance: { rate: null },
    });
    expect((snapshot.scores as { value: number }[]).map((s) => s.value)).toEqual([
      40, 41, 40, 42, 41, 42,
    ]);
    expect(snapshot.verdict).toMatchObject({ verdict: "improve-fidelity" });
    expect(row!.team).toEqual([
      { staffId: specialist.staffId, name: "Ms. Johnson", role: "Reading specialist" },
      { name: "Mr. Lee", role: "Classroom teacher" },
    ]);
    expect(row!.lowFidelityReason).toContain("book fair");

    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ tierChangeId: result.body.id, fromTier: 2, toTier: 3 });

    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ language: "es", status: "queued", required: true });
    expect(letters[0]!.subject).not.toMatch(/nivel|tier/i);
    expect(letters[0]!.body).toContain("de Nivel 2 a Nivel 3");
    expect(letters[0]!.body).toContain("Six weeks below the aim line");
  });

  it("shows each decision in the history with its justification, team and snapshot link, and the snapshot as stored", async () => {
    const history = await studentInterventionHistory(contextOf(handle.db, specialist), studentId);
    const [decision] = history.tierHistory;
    expect(decision).toMatchObject({
      decision: "escalate",
      justification: "Six weeks below the aim line with flat growth.",
      interventionId,
      snapshotUrl: `/students/${studentId}/decisions/${decision!.id}`,
    });
    expect(decision!.team.map((m) => m.name)).toEqual(["Ms. Johnson", "Mr. Lee"]);

    // Later data does not change what the decision rests on.
    await addProgressNote(
      contextOf(handle.db, specialist),
      interventionId,
      progressNoteSchema.parse({
        studentId,
        date: todayIn(specialist.timeZone, now()),
        observation: "Weekly probe.",
        measure: { name: "WCPM", value: 60 },
      }),
    );
    const page = await getTierDecision(contextOf(handle.db, specialist), studentId, decision!.id);
    expect(page.snapshot?.scores).toHaveLength(6);
    expect(page.gated).toBe(true);
    expect(page.decision.lowFidelityReason).toContain("book fair");
  });
});
