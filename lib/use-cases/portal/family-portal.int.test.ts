import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Database, type DatabaseHandle } from "@/db/client";
import { communications, students } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { type NoteVisibility, progressNoteSchema } from "@/lib/domain/sessions/schemas";
import {
  contextOn,
  type Demo,
  loadDemo,
  rejection,
  rolledBack,
} from "@/test/support/demo-sessions";
import { liftContactRestriction } from "../families/lift-contact-restriction";
import { recordContactRestriction } from "../families/record-contact-restriction";
import { addProgressNote } from "../progress/add-progress-note";
import { setMonitoringPlan } from "../progress/set-monitoring-plan";
import { getChildProgress } from "./get-child-progress";
import { getFamilyOverview } from "./get-family-overview";

let app: DatabaseHandle;
let demo: Demo;
let jennifer: Actor;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  demo = await loadDemo(app);
  jennifer = demo.actors.parent;
});

afterAll(async () => {
  await app?.close();
});

const FAMILY_NOTE = "Emma read her library book aloud to the group with expression.";
const TEAM_NOTE = "Team only: consider moving Emma to the afternoon group.";

/** A note on Emma in the Phonics group, as Ms. Johnson writes it, with a fluency reading. */
async function noteOnEmma(
  db: Database,
  observation: string,
  visibility: NoteVisibility,
  value: string,
) {
  const input = progressNoteSchema.parse({
    studentId: demo.student.Emma,
    date: inject("seedToday"),
    observation,
    measure: { name: "Fluency level", value, unit: "grade level" },
    progressRating: "expected",
    visibility,
  });
  return (await addProgressNote(contextOn(db, demo.actors.specialist), demo.phonicsId, input)).body;
}

/** The admin records (or lifts) a custody or contact restriction on Jennifer Wilson for Emma. */
async function restrictJennifer(db: Database, restricted: boolean) {
  const input = {
    studentId: demo.student.Emma,
    guardianId: jennifer.guardianId!,
    reason: "Court order on file at the district office",
  };
  const ctx = contextOn(db, demo.actors.admin);
  await (restricted ? recordContactRestriction(ctx, input) : liftContactRestriction(ctx, input));
}

describe("the family portal's home", () => {
  it("shows the parent's child with the groups, whom to contact, the notes shared with the family, the next sessions and the letters", () =>
    rolledBack(app, async (db) => {
      const shared = await noteOnEmma(db, FAMILY_NOTE, "family", "3.3");
      const teamOnly = await noteOnEmma(db, TEAM_NOTE, "team", "3.4");
      const ctx = contextOn(db, jennifer);
      const [emma, ...others] = await getFamilyOverview(ctx);
      expect(others).toEqual([]);
      expect(emma).toMatchObject({ id: demo.student.Emma, firstName: "Emma", lastName: "Wilson" });

      const phonics = emma!.interventions.find((i) => i.interventionId === demo.phonicsId);
      expect(phonics?.facilitators.map((f) => f.displayName)).toContain("Ms. Johnson");

      // The newest notes first, only those shared with the family: the new one, then the seed's.
      expect(emma!.notes[0]).toMatchObject({ id: shared.id, observation: FAMILY_NOTE });
      expect(emma!.notes.map((n) => n.id)).not.toContain(teamOnly.id);
      expect(emma!.notes.some((n) => n.observation === TEAM_NOTE)).toBe(false);
      expect(emma!.notes.length).toBeLessThanOrEqual(3);
      // Nothing of the team's bookkeeping: who may read it, versions.
      expect(Object.keys(emma!.notes[0]!)).not.toContain("visibility");

      // The next sessions: still to come, earliest first, the next Phonics one among them.
      const now = ctx.now().getTime();
      expect(emma!.nextSessions.length).toBeGreaterThan(0);
      expect(emma!.nextSessions.length).toBeLessThanOrEqual(5);
      expect(emma!.nextSessions.every((s) => s.startsAt.getTime() >= now)).toBe(true);
      const starts = emma!.nextSessions.map((s) => s.startsAt.getTime());
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
      expect(
        emma!.nextSessions.some(
          (s) => s.id === demo.nextSessionId || s.date <= demo.nextSessionDate,
        ),
      ).toBe(true);
      expect(emma!.nextSessions[0]?.interventionName).toBeTruthy();

      // The enrollment letter the seed wrote to Jennifer about Emma.
      expect(emma!.letters.length).toBeGreaterThan(0);
      expect(emma!.letters.every((l) => l.studentId === demo.student.Emma)).toBe(true);
    }));

  it("lists a progress summary sent to the guardian like the letters", () =>
    rolledBack(app, async (db) => {
      await withTenant(db, demo.actors.admin, (tx) =>
        tx.insert(communications).values({
          tenantId: jennifer.tenantId,
          kind: "progress-summary",
          studentId: demo.student.Emma,
          guardianId: jennifer.guardianId,
          language: "en",
          subject: "A progress summary from Maple Grove School District",
          body: "Dear Jennifer Wilson, …",
          required: false,
          status: "sent",
        }),
      );
      const [emma] = await getFamilyOverview(contextOn(db, jennifer));
      expect(emma!.letters[0]).toMatchObject({
        subject: "A progress summary from Maple Grove School District",
      });
    }));
});

describe("a child's progress page in the portal", () => {
  it("shows the readings and notes shared with the family against the goal, never the team's", () =>
    rolledBack(app, async (db) => {
      await setMonitoringPlan(contextOn(db, demo.actors.specialist), demo.phonicsId, {
        measureName: "Fluency level",
        measureUnit: "grade level",
        measureDirection: "higher",
        goalValue: 3.6,
        version: 1,
      });
      await noteOnEmma(db, FAMILY_NOTE, "family", "3.3");
      await noteOnEmma(db, TEAM_NOTE, "team", "3.4");
      const { child, groups } = await getChildProgress(contextOn(db, jennifer), demo.student.Emma);
      expect(child).toMatchObject({ id: demo.student.Emma, firstName: "Emma" });
      const phonics = groups.find((g) => g.id === demo.phonicsId);
      expect(phonics?.notes.map((n) => n.observation)).toContain(FAMILY_NOTE);
      expect(groups.flatMap((g) => g.notes).some((n) => n.observation === TEAM_NOTE)).toBe(false);

      const [fluency] = phonics!.measures;
      expect(fluency).toMatchObject({
        name: "Fluency level",
        unit: "grade level",
        goal: 3.6,
        latest: { date: inject("seedToday"), value: 3.3 },
      });
      // The team-only reading (3.4) is not among what the family sees.
      expect(fluency!.readings.map((r) => r.value)).not.toContain(3.4);
      expect(fluency!.goalLine?.to.value).toBe(3.6);
      expect(["ahead", "on-track", "behind", "too-early"]).toContain(fluency!.standing);
      expect(Object.keys(fluency!)).not.toContain("decision");
    }));

  it("is a 404 for another family's child and for another district's", async () => {
    const padre = demo.actors.padre;
    expect(
      await rejection(getChildProgress(contextOn(app.db, padre), demo.student.Emma)),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await rejection(getChildProgress(contextOn(app.db, jennifer), demo.student.Liam)),
    ).toBeInstanceOf(NotFoundError);
    const [cedarChild] = await withTenant(app.db, demo.actors.cedarSpecialist, (tx) =>
      tx.select({ id: students.id }).from(students).limit(1),
    );
    expect(
      await rejection(getChildProgress(contextOn(app.db, jennifer), cedarChild!.id)),
    ).toBeInstanceOf(NotFoundError);
    // Nor does the home page name them.
    const home = await getFamilyOverview(contextOn(app.db, jennifer));
    expect(home.map((c) => c.id)).toEqual([demo.student.Emma]);
  });

  it("is for families: staff are refused (their pages are elsewhere)", async () => {
    const specialist = contextOn(app.db, demo.actors.specialist);
    expect(await rejection(getChildProgress(specialist, demo.student.Emma))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await rejection(getFamilyOverview(specialist))).toBeInstanceOf(ForbiddenError);
  });
});

describe("a guardian restricted from a child", () => {
  it("gets nothing about that child: not on the home page, and the child's page is a 404", () =>
    rolledBack(app, async (db) => {
      await noteOnEmma(db, FAMILY_NOTE, "family", "3.3");
      await restrictJennifer(db, true);
      const ctx = contextOn(db, jennifer);
      const home = await getFamilyOverview(ctx);
      expect(home.map((c) => c.id)).not.toContain(demo.student.Emma);
      expect(JSON.stringify(home)).not.toContain(FAMILY_NOTE);
      expect(await rejection(getChildProgress(ctx, demo.student.Emma))).toBeInstanceOf(
        NotFoundError,
      );

      // Lifted, the child is back.
      await restrictJennifer(db, false);
      expect((await getFamilyOverview(ctx)).map((c) => c.id)).toEqual([demo.student.Emma]);
    }));
});
