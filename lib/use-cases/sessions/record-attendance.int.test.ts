import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Database, type DatabaseHandle } from "@/db/client";
import {
  auditLog,
  interventionSessions,
  outbox,
  probeScores,
  sessionAttendance,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { addDays } from "@/lib/domain/calendar/dates";
import {
  ConflictError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  NotFoundError,
  UnprocessableError,
  ValidationError,
} from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { clockTimeAt } from "@/lib/domain/scheduling/clock-time";
import { ScheduleConflictError } from "@/lib/domain/scheduling/override";
import type { RecordAttendanceInput } from "@/lib/domain/sessions/schemas";
import {
  contextOn,
  type Demo,
  dayWithoutSchoolAfter,
  loadDemo,
  rejection,
  rolledBack,
  schoolDayAfter,
} from "@/test/support/demo-sessions";
import { setMonitoringPlan } from "../progress/set-monitoring-plan";
import { addSession } from "./add-session";
import { cancelSession } from "./cancel-session";
import { getAttendanceOverview } from "./get-attendance-overview";
import { getSession } from "./get-session";
import { listFollowUps } from "./list-follow-ups";
import { listSessions } from "./list-sessions";
import { listTodaysSessions } from "./list-todays-sessions";
import { recordAttendance } from "./record-attendance";
import { rescheduleSession } from "./reschedule-session";

let app: DatabaseHandle;
let demo: Demo;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  demo = await loadDemo(app);
});

afterAll(async () => {
  await app?.close();
});

const NOTE = "Focused on phonics blends. Emma and Noah showed great progress.";

/** Scenario 3: Emma, Liam, Noah, Olivia present; Sophia and Ava absent. */
function scenario3(): RecordAttendanceInput {
  const { student } = demo;
  return {
    records: [
      { studentId: student.Emma, status: "present" },
      { studentId: student.Liam, status: "present" },
      { studentId: student.Sophia, status: "absent" },
      { studentId: student.Noah, status: "present" },
      { studentId: student.Olivia, status: "present" },
      { studentId: student.Ava, status: "absent" },
    ],
    notes: NOTE,
  };
}

/** What a save leaves behind for one session: marks, its events and its audit rows. */
async function traces(db: Database, actor: Actor, sessionId: string) {
  return withTenant(db, actor, async (tx) => {
    const [marks] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(sessionAttendance)
      .where(eq(sessionAttendance.sessionId, sessionId));
    const events = await tx
      .select({ data: outbox.data })
      .from(outbox)
      .where(
        and(
          eq(outbox.type, "InterventionAttendanceRecordedEvent"),
          sql`${outbox.data}->>'sessionId' = ${sessionId}`,
        ),
      )
      // In the order they were written: outbox ids are time-ordered (db/queries/outbox.ts).
      .orderBy(outbox.createdAt, outbox.id);
    const audits = await tx
      .select({
        action: auditLog.action,
        before: auditLog.before,
        after: auditLog.after,
        reason: auditLog.reason,
      })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "intervention_session"), eq(auditLog.entityId, sessionId)))
      .orderBy(auditLog.id);
    const [session] = await tx
      .select({ status: interventionSessions.status, notes: interventionSessions.notes })
      .from(interventionSessions)
      .where(eq(interventionSessions.id, sessionId));
    return { marks: marks?.n ?? 0, events: events.map((e) => e.data), audits, session };
  });
}

describe("recording Scenario 3's attendance", () => {
  it("saves the marks and notes, answers 4 of 6 = 0.67, and flags Sophia and Ava", () =>
    rolledBack(app, async (db) => {
      const johnson = demo.actors.specialist;
      const result = await recordAttendance(
        contextOn(db, johnson),
        demo.sessionToTake.id,
        scenario3(),
      );
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({
        sessionId: demo.sessionToTake.id,
        present: 4,
        absent: 2,
        tardy: 0,
        excused: 0,
        attendanceRate: 0.67,
      });
      expect(result.body.flaggedStudentIds.sort()).toEqual(
        [demo.student.Sophia, demo.student.Ava].sort(),
      );

      const after = await traces(db, johnson, demo.sessionToTake.id);
      expect(after.marks).toBe(6);
      expect(after.session).toEqual({ status: "held", notes: NOTE });
      expect(after.events).toHaveLength(1);
      expect(after.events[0]).toMatchObject({
        interventionId: demo.phonicsId,
        attendanceRate: 0.67,
        isEdit: false,
      });
      expect(after.audits.map((a) => a.action)).toEqual(["attendance.recorded"]);
      expect(after.audits[0]?.before).toBeNull();

      const { items } = await listSessions(contextOn(db, johnson), demo.phonicsId);
      expect(items.find((s) => s.id === demo.sessionToTake.id)).toMatchObject({
        status: "held",
        notes: NOTE,
        attendance: { marked: 6, attended: 4, attendanceRate: 0.67 },
      });

      // The follow-up list on the specialist's dashboard now names both.
      const { followUps } = await listFollowUps(contextOn(db, johnson));
      const flagged = followUps.filter((f) => f.interventionId === demo.phonicsId);
      expect(flagged.map((f) => f.firstName).sort()).toEqual(["Ava", "Sophia"]);
      expect(flagged.every((f) => f.reasons.includes("consecutive"))).toBe(true);
    }));

  it("flags no one before the second absence", () =>
    rolledBack(app, async (db) => {
      const { followUps } = await listFollowUps(contextOn(db, demo.actors.specialist));
      expect(followUps.filter((f) => f.interventionId === demo.phonicsId)).toEqual([]);
    }));

  it("writes once when the same save is sent twice with one Idempotency-Key", () =>
    rolledBack(app, async (db) => {
      const ctx = contextOn(db, demo.actors.specialist);
      const first = await recordAttendance(ctx, demo.sessionToTake.id, scenario3(), "key-1");
      const second = await recordAttendance(ctx, demo.sessionToTake.id, scenario3(), "key-1");
      expect(second.replayed).toBe(true);
      expect(second.body).toEqual(first.body);
      const after = await traces(db, demo.actors.specialist, demo.sessionToTake.id);
      expect(after.marks).toBe(6);
      expect(after.events).toHaveLength(1);
      expect(after.audits).toHaveLength(1);

      // The same key with another body is refused; nothing more is written.
      const changed = { ...scenario3(), notes: "Another note." };
      expect(
        await rejection(recordAttendance(ctx, demo.sessionToTake.id, changed, "key-1")),
      ).toBeInstanceOf(IdempotencyKeyReusedError);
      expect((await traces(db, demo.actors.specialist, demo.sessionToTake.id)).audits).toHaveLength(
        1,
      );
    }));

  it("refuses to change saved attendance without a reason, and audits the change with one", () =>
    rolledBack(app, async (db) => {
      const johnson = demo.actors.specialist;
      await recordAttendance(contextOn(db, johnson), demo.sessionToTake.id, scenario3());
      const correction: RecordAttendanceInput = {
        records: [{ studentId: demo.student.Ava, status: "excused" }],
      };
      const refused = await rejection(
        recordAttendance(contextOn(db, johnson), demo.sessionToTake.id, correction),
      );
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).errors.map((e) => e.path)).toEqual(["reason"]);
      expect((await traces(db, johnson, demo.sessionToTake.id)).events).toHaveLength(1);

      const edited = await recordAttendance(contextOn(db, johnson), demo.sessionToTake.id, {
        ...correction,
        reason: "Ava's absence was excused by the office.",
      });
      // Excused leaves the base: 4 of 5.
      expect(edited.body).toMatchObject({ present: 4, absent: 1, excused: 1, attendanceRate: 0.8 });
      const after = await traces(db, johnson, demo.sessionToTake.id);
      expect(after.session?.notes).toBe(NOTE); // notes omitted: kept
      expect(after.events).toHaveLength(2);
      expect(after.events[1]).toMatchObject({ isEdit: true });
      const audit = after.audits.at(-1)!;
      expect(audit.action).toBe("attendance.edited");
      expect(audit.reason).toBe("Ava's absence was excused by the office.");
      const statusOf = (side: unknown) =>
        (side as { marks: { studentId: string; status: string }[] }).marks.find(
          (m) => m.studentId === demo.student.Ava,
        )?.status;
      expect(statusOf(audit.before)).toBe("absent");
      expect(statusOf(audit.after)).toBe("excused");
    }));

  it("keeps probe scores once the intervention names its measure", () =>
    rolledBack(app, async (db) => {
      const johnson = demo.actors.specialist;
      const withProbe = {
        ...scenario3(),
        probeScores: [{ studentId: demo.student.Emma, value: 64 }],
      };
      expect(
        await rejection(recordAttendance(contextOn(db, johnson), demo.sessionToTake.id, withProbe)),
      ).toBeInstanceOf(UnprocessableError);

      await setMonitoringPlan(contextOn(db, johnson), demo.phonicsId, {
        measureName: "Words correct per minute",
        measureUnit: "WCPM",
        measureDirection: "higher",
        goalValue: 90,
        version: 1,
      });
      await recordAttendance(contextOn(db, johnson), demo.sessionToTake.id, withProbe);
      const probes = await withTenant(db, johnson, (tx) =>
        tx
          .select({ value: probeScores.value, date: probeScores.scoreDate })
          .from(probeScores)
          .where(eq(probeScores.sessionId, demo.sessionToTake.id)),
      );
      expect(probes).toEqual([{ value: 64, date: demo.sessionToTake.date }]);
      const page = await getSession(contextOn(db, johnson), demo.sessionToTake.id);
      expect(page.roster.find((r) => r.studentId === demo.student.Emma)?.probeScore).toBe(64);
    }));

  it("refuses a student who is not in the group", () =>
    rolledBack(app, async (db) => {
      const stranger = demo.actors.teacher.userId; // a real uuid, but of no student
      const error = await rejection(
        recordAttendance(contextOn(db, demo.actors.specialist), demo.sessionToTake.id, {
          records: [{ studentId: stranger, status: "present" }],
        }),
      );
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).errors[0]?.path).toBe("records.0.studentId");
    }));

  it("does not take attendance for a future session", () =>
    rolledBack(app, async (db) => {
      expect(
        await rejection(
          recordAttendance(contextOn(db, demo.actors.specialist), demo.nextSessionId, scenario3()),
        ),
      ).toBeInstanceOf(UnprocessableError);
    }));
});

describe("who may record", () => {
  it("answers 'not found' to a facilitator of another group and to another district", () =>
    rolledBack(app, async (db) => {
      for (const actor of [
        demo.actors.facilitator,
        demo.actors.cedarSpecialist,
        demo.actors.parent,
      ]) {
        const ctx = contextOn(db, actor);
        expect(
          await rejection(recordAttendance(ctx, demo.sessionToTake.id, scenario3())),
        ).toBeInstanceOf(NotFoundError);
        expect(await rejection(getSession(ctx, demo.sessionToTake.id))).toBeInstanceOf(
          NotFoundError,
        );
      }
      expect((await traces(db, demo.actors.specialist, demo.sessionToTake.id)).marks).toBe(0);
    }));

  it("lets a teacher of the group's students look, not record", () =>
    rolledBack(app, async (db) => {
      const ctx = contextOn(db, demo.actors.teacher);
      expect(
        await rejection(recordAttendance(ctx, demo.sessionToTake.id, scenario3())),
      ).toBeInstanceOf(ForbiddenError);
      const page = await getSession(ctx, demo.sessionToTake.id);
      expect(page.canRecord).toBe(false);
      expect(page.session.notes).toBeNull();
      const overview = await getAttendanceOverview(ctx, demo.phonicsId);
      expect(overview?.flags).toEqual([]);
    }));
});

describe("the facilitator's day", () => {
  it("lists the Phonics session to take for Ms. Johnson, and nothing of it for Mr. Alvarez", () =>
    rolledBack(app, async (db) => {
      const today = inject("seedToday");
      const mine = await listTodaysSessions(contextOn(db, demo.actors.specialist));
      expect(mine.today).toBe(today);
      const phonics = (list: typeof mine.sessions) =>
        list.filter((s) => s.interventionId === demo.phonicsId).map((s) => s.id);
      // Today's when the group meets today; on a weekend or a holiday, still waiting from before.
      const meetsToday = demo.sessionToTake.date === today;
      expect(phonics(meetsToday ? mine.sessions : mine.overdue)).toEqual([demo.sessionToTake.id]);
      expect(phonics(meetsToday ? mine.overdue : mine.sessions)).toEqual([]);
      // With nothing today, the page says when the next session is: no later than Phonics'.
      if (meetsToday) expect(mine.nextDay).toBeNull();
      else {
        expect(mine.nextDay! > today).toBe(true);
        expect(mine.nextDay! <= demo.nextSessionDate).toBe(true);
      }
      const theirs = await listTodaysSessions(contextOn(db, demo.actors.facilitator));
      expect([...theirs.sessions, ...theirs.overdue].map((s) => s.id)).not.toContain(
        demo.sessionToTake.id,
      );
    }));

  it("shows the group's rate and fidelity on the intervention page", () =>
    rolledBack(app, async (db) => {
      const ctx = contextOn(db, demo.actors.specialist);
      const before = await getAttendanceOverview(ctx, demo.phonicsId);
      expect(before?.fidelity.trusted).toBe(true);
      await recordAttendance(
        contextOn(db, demo.actors.specialist, "10:40"),
        demo.sessionToTake.id,
        scenario3(),
      );
      const after = await getAttendanceOverview(ctx, demo.phonicsId);
      // The seed held every planned session before the one to take: now all due are held.
      expect(after?.fidelity.sessionRate).toBe(1);
      expect(after!.counts.absent).toBe(before!.counts.absent + 2);
      expect(after!.flags.map((f) => f.firstName).sort()).toEqual(["Ava", "Sophia"]);
    }));
});

describe("cancel, reschedule and make up", () => {
  it("cancels a session with a reason and adds a make-up that restores the dose", () =>
    rolledBack(app, async (db) => {
      const ctx = contextOn(db, demo.actors.specialist);
      await cancelSession(ctx, demo.sessionToTake.id, { reason: "Fire drill all morning." });
      const page = await getSession(ctx, demo.sessionToTake.id);
      expect(page.session.status).toBe("cancelled");
      expect(page.session.cancellationReason).toBe("Fire drill all morning.");
      expect(page.canRecord).toBe(false);
      expect(
        await rejection(recordAttendance(ctx, demo.sessionToTake.id, scenario3())),
      ).toBeInstanceOf(ConflictError);
      expect(
        await rejection(cancelSession(ctx, demo.sessionToTake.id, { reason: "Again please." })),
      ).toBeInstanceOf(ConflictError);

      const makeup = await addSession(ctx, demo.phonicsId, {
        date: demo.sessionToTake.date,
        startTime: "13:00",
        makeupForSessionId: demo.sessionToTake.id,
        reason: "Make-up for the fire drill.",
      });
      expect(makeup).toMatchObject({
        sequence: 25,
        isMakeup: true,
        makeupForSessionId: demo.sessionToTake.id,
        minutes: 30,
        status: "scheduled",
      });
      const { items } = await listSessions(ctx, demo.phonicsId);
      expect(items).toHaveLength(25);
      expect(items.filter((s) => s.isMakeup).map((s) => s.id)).toEqual([makeup.id]);
      expect(items.find((s) => s.id === demo.sessionToTake.id)?.cancellationReason).toBe(
        "Fire drill all morning.",
      );

      const result = await recordAttendance(
        contextOn(db, demo.actors.specialist, "13:40"),
        makeup.id,
        scenario3(),
      );
      expect(result.body.attendanceRate).toBe(0.67);
      const overview = await getAttendanceOverview(ctx, demo.phonicsId);
      expect(overview?.fidelity.sessionRate).toBe(1);
    }));

  it("moves a future session with a reason, never onto a day without school", () =>
    rolledBack(app, async (db) => {
      const ctx = contextOn(db, demo.actors.specialist);
      const today = inject("seedToday");
      for (const closed of [
        await dayWithoutSchoolAfter(db, demo.actors.specialist, today),
        await dayWithoutSchoolAfter(db, demo.actors.specialist, addDays(today, 7)),
      ]) {
        const refused = await rejection(
          rescheduleSession(ctx, demo.nextSessionId, {
            date: closed,
            startTime: "10:00",
            reason: "Room needed.",
          }),
        );
        expect(refused).toBeInstanceOf(UnprocessableError);
      }
      const schoolDay = await schoolDayAfter(db, demo.actors.specialist, addDays(today, 4));
      // An afternoon hour the group's people and students have free that day: the seed leaves
      // 14:00–17:00 free, but other tests plan Ms. Johnson's groups there on days that move with
      // the pinned clock, so the first free one is taken (a taken one is refused, writing nothing).
      let moved: Awaited<ReturnType<typeof rescheduleSession>> | null = null;
      // Every five minutes of the free afternoon, until one is free for all of them.
      const afternoon = Array.from({ length: 34 }, (_, i) => clockTimeAt(14 * 60 + 5 * i));
      for (const startTime of afternoon) {
        try {
          moved = await rescheduleSession(ctx, demo.nextSessionId, {
            date: schoolDay,
            startTime,
            reason: "Assembly on Friday.",
          });
          break;
        } catch (error) {
          if (!(error instanceof ScheduleConflictError)) throw error;
        }
      }
      expect(moved?.date).toBe(schoolDay);
      const audit = await withTenant(db, demo.actors.specialist, (tx) =>
        tx
          .select({ reason: auditLog.reason, action: auditLog.action })
          .from(auditLog)
          .where(eq(auditLog.entityId, demo.nextSessionId)),
      );
      expect(audit).toEqual([{ action: "session.rescheduled", reason: "Assembly on Friday." }]);
    }));

  it("lets neither a teacher nor another district change the schedule", () =>
    rolledBack(app, async (db) => {
      expect(
        await rejection(
          cancelSession(contextOn(db, demo.actors.teacher), demo.nextSessionId, { reason: "No." }),
        ),
      ).toBeInstanceOf(ForbiddenError);
      expect(
        await rejection(
          addSession(contextOn(db, demo.actors.cedarSpecialist), demo.phonicsId, {
            date: inject("seedToday"),
            reason: "Not mine.",
          }),
        ),
      ).toBeInstanceOf(NotFoundError);
    }));
});
