import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Database, type DatabaseHandle } from "@/db/client";
import { auditLog, outbox, progressNoteRevisions } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { addDays } from "@/lib/domain/calendar/dates";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
} from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import {
  editProgressNoteSchema,
  type NoteVisibility,
  type ProgressNoteInput,
  progressNoteSchema,
} from "@/lib/domain/sessions/schemas";
import {
  contextOn,
  type Demo,
  loadDemo,
  rejection,
  rolledBack,
} from "@/test/support/demo-sessions";
import { getSession } from "../sessions/get-session";
import { listSessions } from "../sessions/list-sessions";
import { addProgressNote } from "./add-progress-note";
import { editProgressNote } from "./edit-progress-note";
import { getEffectiveness } from "./get-effectiveness";
import { getNoteHistory } from "./get-note-history";
import { getStudentProgress } from "./get-student-progress";
import { listInterventionNotes } from "./list-intervention-notes";
import { prepareNoteForm } from "./prepare-note-form";
import { setMonitoringPlan } from "./set-monitoring-plan";

let app: DatabaseHandle;
let demo: Demo;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  demo = await loadDemo(app);
});

afterAll(async () => {
  await app?.close();
});

const OBSERVATION = "Emma is showing improvement in decoding multisyllabic words";

/** Scenario 4's note, dated the seed's "today", as the form would send it. */
function scenario4(visibility?: NoteVisibility): ProgressNoteInput {
  return progressNoteSchema.parse({
    studentId: demo.student.Emma,
    date: inject("seedToday"),
    observation: OBSERVATION,
    measure: { name: "Fluency level", value: "3.2", unit: "grade level" },
    nextSteps: "Continue current strategies, add comprehension focus",
    progressRating: "expected",
    ...(visibility ? { visibility } : {}),
  });
}

async function addAs(db: Database, actor: Actor, input: ProgressNoteInput) {
  return (await addProgressNote(contextOn(db, actor), demo.phonicsId, input)).body;
}

/** Every way a note can be read, as one reader: true when the note with this id shows anywhere. */
async function readsNote(db: Database, reader: Actor, noteId: string): Promise<boolean> {
  const ctx = contextOn(db, reader);
  const seen: boolean[] = [];
  const list = await listInterventionNotes(ctx, demo.phonicsId).catch(() => null);
  seen.push(Boolean(list?.items.some((n) => n.id === noteId)));
  const forEmma = await listInterventionNotes(ctx, demo.phonicsId, {
    studentId: demo.student.Emma,
  }).catch(() => null);
  seen.push(Boolean(forEmma?.items.some((n) => n.id === noteId)));
  const progress = await getStudentProgress(ctx, demo.student.Emma).catch(() => null);
  seen.push(Boolean(progress?.notes.some((n) => n.id === noteId)));
  // The chart's points come from readable notes too: 3.2 on today's date must not leak.
  seen.push(
    Boolean(
      progress?.timeline.measures.some((m) =>
        m.points.some((p) => p.date === inject("seedToday") && p.source === "note"),
      ),
    ),
  );
  const history = await getNoteHistory(ctx, demo.phonicsId, noteId).catch(() => null);
  seen.push(history !== null);
  return seen.some(Boolean);
}

describe("Scenario 4: a progress note", () => {
  it("is stored linked to student and intervention, audited, and announced without its text", () =>
    rolledBack(app, async (db) => {
      const note = await addAs(db, demo.actors.specialist, scenario4());
      expect(note).toMatchObject({
        interventionId: demo.phonicsId,
        studentId: demo.student.Emma,
        studentName: "Emma Wilson",
        observation: OBSERVATION,
        measure: { name: "Fluency level", value: 3.2, unit: "grade level" },
        progressRating: "expected",
        progressRatingLabel: "Making expected progress",
        visibility: "team",
        version: 1,
        edited: false,
      });
      const { events, audits } = await withTenant(db, demo.actors.specialist, async (tx) => ({
        events: await tx
          .select({ data: outbox.data, subject: outbox.subject })
          .from(outbox)
          .where(
            and(
              eq(outbox.type, "ProgressNoteAddedEvent"),
              sql`${outbox.data}->>'noteId' = ${note.id}`,
            ),
          ),
        audits: await tx
          .select({ action: auditLog.action, studentId: auditLog.studentId })
          .from(auditLog)
          .where(eq(auditLog.entityId, note.id)),
      }));
      expect(events).toHaveLength(1);
      expect(events[0]?.subject).toBe(`student/${demo.student.Emma}`);
      expect(JSON.stringify(events[0]?.data)).not.toContain("multisyllabic");
      expect(audits).toEqual([{ action: "progress_note.created", studentId: demo.student.Emma }]);
    }));

  it("shows on Emma's chart as the latest Fluency level reading, up from the last one", () =>
    rolledBack(app, async (db) => {
      const form = await prepareNoteForm(contextOn(db, demo.actors.specialist), demo.phonicsId);
      const previous = form?.previous[demo.student.Emma]?.find((r) => r.name === "Fluency level");
      expect(previous?.value).toBe(3.2); // the seed's last note; today's adds another 3.2
      await addAs(db, demo.actors.specialist, scenario4());
      const progress = await getStudentProgress(
        contextOn(db, demo.actors.specialist),
        demo.student.Emma,
      );
      const fluency = progress.timeline.measures.find((m) => m.name === "Fluency level");
      expect(fluency?.points.at(-1)).toMatchObject({ date: inject("seedToday"), value: 3.2 });
      expect(fluency?.segments[0]?.trendLine).not.toBeNull();
      expect(progress.notes[0]?.observation).toBe(OBSERVATION);
    }));

  it("refuses a student of another group and a date in the future", () =>
    rolledBack(app, async (db) => {
      const ctx = contextOn(db, demo.actors.specialist);
      const stranger = await rejection(
        addProgressNote(ctx, demo.phonicsId, {
          ...scenario4(),
          studentId: demo.actors.teacher.userId,
        }),
      );
      expect(stranger).toBeInstanceOf(NotFoundError);
      const future = await rejection(
        addProgressNote(ctx, demo.phonicsId, {
          ...scenario4(),
          date: addDays(inject("seedToday"), 1),
        }),
      );
      expect(future).toBeInstanceOf(UnprocessableError);
    }));
});

describe("note visibility", () => {
  it("never lets a team note reach a teacher or a parent, through any use-case", () =>
    rolledBack(app, async (db) => {
      const note = await addAs(db, demo.actors.specialist, scenario4("team"));
      expect(await readsNote(db, demo.actors.specialist, note.id)).toBe(true);
      expect(await readsNote(db, demo.actors.teacher, note.id)).toBe(false);
      expect(await readsNote(db, demo.actors.parent, note.id)).toBe(false);
      expect(await readsNote(db, demo.actors.padre, note.id)).toBe(false);
      expect(await readsNote(db, demo.actors.facilitator, note.id)).toBe(false);
      expect(await readsNote(db, demo.actors.cedarSpecialist, note.id)).toBe(false);
      // Nor through the session pages and lists, which carry session notes only for the team.
      const teacherSession = await getSession(
        contextOn(db, demo.actors.teacher),
        demo.sessionToTake.id,
      );
      expect(JSON.stringify(teacherSession)).not.toContain("multisyllabic");
      const parentSessions = await listSessions(contextOn(db, demo.actors.parent), demo.phonicsId);
      expect(parentSessions.items.every((s) => s.notes === null && s.attendance === null)).toBe(
        true,
      );
    }));

  it("shares a teachers note with Emma's teacher but not her mother", () =>
    rolledBack(app, async (db) => {
      const note = await addAs(db, demo.actors.specialist, scenario4("teachers"));
      expect(await readsNote(db, demo.actors.teacher, note.id)).toBe(true);
      expect(await readsNote(db, demo.actors.parent, note.id)).toBe(false);
    }));

  it("shares a family note with Emma's mother, not with Sophia's father", () =>
    rolledBack(app, async (db) => {
      const note = await addAs(db, demo.actors.specialist, scenario4("family"));
      expect(await readsNote(db, demo.actors.parent, note.id)).toBe(true);
      expect(await readsNote(db, demo.actors.teacher, note.id)).toBe(true);
      expect(await readsNote(db, demo.actors.padre, note.id)).toBe(false);
    }));

  it("gives a parent only family notes and no raw scores on the chart", () =>
    rolledBack(app, async (db) => {
      const progress = await getStudentProgress(
        contextOn(db, demo.actors.parent),
        demo.student.Emma,
      );
      expect(progress.audience).toBe("family");
      expect(progress.notes.every((n) => n.visibility === "family")).toBe(true);
      expect(
        progress.timeline.measures.every((m) => m.points.every((p) => p.source === "note")),
      ).toBe(true);
      // Sophia is not hers.
      expect(
        await rejection(getStudentProgress(contextOn(db, demo.actors.parent), demo.student.Sophia)),
      ).toBeInstanceOf(NotFoundError);
    }));

  it("answers 'not found' to a facilitator of another group and to another district", () =>
    rolledBack(app, async (db) => {
      for (const actor of [demo.actors.facilitator, demo.actors.cedarSpecialist]) {
        const ctx = contextOn(db, actor);
        expect(await rejection(listInterventionNotes(ctx, demo.phonicsId))).toBeInstanceOf(
          NotFoundError,
        );
        expect(await rejection(getStudentProgress(ctx, demo.student.Emma))).toBeInstanceOf(
          NotFoundError,
        );
        expect(await rejection(addProgressNote(ctx, demo.phonicsId, scenario4()))).toBeInstanceOf(
          NotFoundError,
        );
      }
    }));

  it("lets a teacher read shared notes but not write any", () =>
    rolledBack(app, async (db) => {
      const ctx = contextOn(db, demo.actors.teacher);
      expect(await rejection(addProgressNote(ctx, demo.phonicsId, scenario4()))).toBeInstanceOf(
        ForbiddenError,
      );
      expect(await prepareNoteForm(ctx, demo.phonicsId)).toBeNull();
      const { items } = await listInterventionNotes(ctx, demo.phonicsId);
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((n) => n.visibility !== "team")).toBe(true);
    }));
});

describe("editing a note", () => {
  it("needs a reason (the shared schema refuses an edit without one)", () => {
    const result = editProgressNoteSchema.safeParse({
      date: "2026-11-25",
      observation: "Corrected.",
      version: 1,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["reason"]);
  });

  it("keeps the previous version with the reason, and refuses a stale version", () =>
    rolledBack(app, async (db) => {
      const note = await addAs(db, demo.actors.specialist, scenario4());
      const ctx = contextOn(db, demo.actors.specialist);
      const edit = editProgressNoteSchema.parse({
        date: note.date,
        observation: `${OBSERVATION}, and in reading them aloud.`,
        measure: { name: "Fluency level", value: "3.3", unit: "grade level" },
        progressRating: "exceeding",
        visibility: "family",
        reason: "Corrected the fluency level after re-scoring.",
        version: 1,
      });
      const edited = await editProgressNote(ctx, demo.phonicsId, note.id, edit);
      expect(edited).toMatchObject({ version: 2, edited: true, visibility: "family" });
      expect(edited.measure?.value).toBe(3.3);

      expect(await rejection(editProgressNote(ctx, demo.phonicsId, note.id, edit))).toBeInstanceOf(
        ConflictError,
      );

      const history = await getNoteHistory(ctx, demo.phonicsId, note.id);
      expect(history.revisions).toHaveLength(1);
      expect(history.revisions[0]).toMatchObject({
        version: 1,
        reason: "Corrected the fluency level after re-scoring.",
      });
      expect((history.revisions[0]!.snapshot as { measureValue: number }).measureValue).toBe(3.2);
      const [audit] = await withTenant(db, demo.actors.specialist, (tx) =>
        tx
          .select({ before: auditLog.before, after: auditLog.after, reason: auditLog.reason })
          .from(auditLog)
          .where(and(eq(auditLog.entityId, note.id), eq(auditLog.action, "progress_note.edited"))),
      );
      expect((audit!.before as { measureValue: number }).measureValue).toBe(3.2);
      expect((audit!.after as { measureValue: number }).measureValue).toBe(3.3);
      expect(audit?.reason).toBe("Corrected the fluency level after re-scoring.");
      const revisions = await withTenant(db, demo.actors.specialist, (tx) =>
        tx.select().from(progressNoteRevisions).where(eq(progressNoteRevisions.noteId, note.id)),
      );
      expect(revisions).toHaveLength(1);
    }));

  it("is not open to the student's teacher", () =>
    rolledBack(app, async (db) => {
      const note = await addAs(db, demo.actors.specialist, scenario4("teachers"));
      const edit = editProgressNoteSchema.parse({
        date: note.date,
        observation: "Changed by a teacher.",
        reason: "I think so.",
        version: 1,
      });
      expect(
        await rejection(
          editProgressNote(contextOn(db, demo.actors.teacher), demo.phonicsId, note.id, edit),
        ),
      ).toBeInstanceOf(ForbiddenError);
    }));
});

describe("progress monitoring", () => {
  it("draws the aim line and gives a verdict once the measure and goal are set", () =>
    rolledBack(app, async (db) => {
      const ctx = contextOn(db, demo.actors.specialist);
      expect(await rejection(getEffectiveness(ctx, demo.phonicsId))).toBeInstanceOf(
        UnprocessableError,
      );
      await setMonitoringPlan(ctx, demo.phonicsId, {
        measureName: "Words correct per minute",
        measureUnit: "WCPM",
        measureDirection: "higher",
        goalValue: 90,
        version: 1,
      });
      const liam = await getStudentProgress(ctx, demo.student.Liam);
      const wcpm = liam.timeline.measures.find((m) => m.name === "Words correct per minute");
      const segment = wcpm?.segments.find((s) => s.interventionId === demo.phonicsId);
      expect(segment?.goal).toBe(90);
      expect(segment?.aimLine?.to.value).toBe(90);
      expect(segment?.decision.explanation.length).toBeGreaterThan(10);
      expect(liam.timeline.markers.some((m) => m.kind === "intervention-start")).toBe(true);

      const effectiveness = await getEffectiveness(ctx, demo.phonicsId);
      expect(effectiveness.studentsProgressing.total).toBe(6);
      expect(effectiveness.attendanceRate).not.toBeNull();
      expect(typeof effectiveness.recommendation).toBe("string");
      expect(
        await rejection(getEffectiveness(contextOn(db, demo.actors.teacher), demo.phonicsId)),
      ).toBeInstanceOf(ForbiddenError);
    }));

  it("lets only managers set the measure, and refuses a stale version", () =>
    rolledBack(app, async (db) => {
      const plan = {
        measureName: "Words correct per minute",
        measureUnit: "WCPM",
        measureDirection: "higher" as const,
        goalValue: 90,
        version: 1,
      };
      expect(
        await rejection(
          setMonitoringPlan(contextOn(db, demo.actors.teacher), demo.phonicsId, plan),
        ),
      ).toBeInstanceOf(ForbiddenError);
      await setMonitoringPlan(contextOn(db, demo.actors.specialist), demo.phonicsId, plan);
      expect(
        await rejection(
          setMonitoringPlan(contextOn(db, demo.actors.specialist), demo.phonicsId, plan),
        ),
      ).toBeInstanceOf(ConflictError);
    }));
});
