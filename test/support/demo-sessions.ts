/**
 * Shared by the integration tests of sessions and progress: the demo actors, the seeded groups,
 * and a way to run a test's writes in a transaction that is rolled back afterwards, so these
 * tests never change the demo data other test files read (e.g. today's session "scheduled").
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { inject } from "vitest";
import type { Database, DatabaseHandle } from "@/db/client";
import { nonInstructionalDaysBetween } from "@/db/queries/districts";
import { interventionSessions, interventions, students } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { addDays, instantAt, isWeekend } from "@/lib/domain/calendar/dates";
import type { Actor } from "@/lib/domain/policy";
import type { UseCaseContext } from "@/lib/use-cases/context";
import { DEMO_ACCOUNTS, DEMO_GROUPS, loadDemoActor, NAMED_STUDENTS } from "@/scripts/seed/accounts";

export type DemoActors = Record<keyof typeof DEMO_ACCOUNTS, Actor>;
export type NamedStudent = (typeof NAMED_STUDENTS)[number]["firstName"];

export interface Demo {
  actors: DemoActors;
  phonicsId: string;
  /**
   * The Phonics Blends session whose attendance there is to take: today's when the group meets
   * today, else the latest before today, which the seed leaves open (GroupHistory.latestLeftToTake),
   * so these tests hold on a weekend or a holiday as on a school day.
   */
  sessionToTake: { id: string; date: string };
  /** The next planned Phonics session after today, and its date. */
  nextSessionId: string;
  nextSessionDate: string;
  student: Record<NamedStudent, string>;
}

export async function loadDemo(app: DatabaseHandle): Promise<Demo> {
  const actors = {} as DemoActors;
  for (const [role, email] of Object.entries(DEMO_ACCOUNTS)) {
    actors[role as keyof DemoActors] = await loadDemoActor(app.db, email);
  }
  const today = inject("seedToday");
  return withTenant(app.db, actors.specialist, async (tx) => {
    const [group] = await tx
      .select({ id: interventions.id })
      .from(interventions)
      .where(eq(interventions.name, DEMO_GROUPS.phonics));
    if (!group) throw new Error("The seeded Phonics group is missing");
    const sessions = await tx
      .select({ id: interventionSessions.id, date: interventionSessions.sessionDate })
      .from(interventionSessions)
      .where(eq(interventionSessions.interventionId, group.id))
      .orderBy(interventionSessions.sessionDate);
    const toTake = sessions.filter((s) => s.date <= today).at(-1);
    const next = sessions.find((s) => s.date > today);
    if (!toTake || !next) throw new Error("The Phonics group has no session to take or after");
    const named = await tx
      .select({ id: students.id, firstName: students.firstName })
      .from(students)
      .where(
        and(
          inArray(
            students.firstName,
            NAMED_STUDENTS.map((s) => s.firstName),
          ),
          inArray(
            students.lastName,
            NAMED_STUDENTS.map((s) => s.lastName),
          ),
        ),
      );
    const student = {} as Record<NamedStudent, string>;
    for (const s of NAMED_STUDENTS) {
      const row = named.find((n) => n.firstName === s.firstName);
      if (!row) throw new Error(`${s.firstName} is missing`);
      student[s.firstName] = row.id;
    }
    return {
      actors,
      phonicsId: group.id,
      sessionToTake: toTake,
      nextSessionId: next.id,
      nextSessionDate: next.date,
      student,
    };
  });
}

/** A use-case context at 09:00 on the seed's "today", the district's time. */
export function contextOn(db: Database, actor: Actor, time = "09:00"): UseCaseContext {
  return {
    db,
    actor,
    now: () => instantAt(inject("seedToday"), time, actor.timeZone),
    requestId: `test-${randomUUID()}`,
  };
}

/** The first school day after `date`: a weekday the district does not mark non-instructional. */
export async function schoolDayAfter(db: Database, actor: Actor, date: string): Promise<string> {
  const closed = await withTenant(db, actor, (tx) =>
    nonInstructionalDaysBetween(tx, actor.tenantId, addDays(date, 1), addDays(date, 60)),
  );
  let day = addDays(date, 1);
  while (isWeekend(day) || closed.has(day)) day = addDays(day, 1);
  return day;
}

/** The first day after `date` without school: a holiday of the district, or else a Saturday. */
export async function dayWithoutSchoolAfter(db: Database, actor: Actor, date: string) {
  const closed = await withTenant(db, actor, (tx) =>
    nonInstructionalDaysBetween(tx, actor.tenantId, addDays(date, 1), addDays(date, 7)),
  );
  let day = addDays(date, 1);
  while (!isWeekend(day) && !closed.has(day)) day = addDays(day, 1);
  return day;
}

class RolledBack extends Error {}

/**
 * Runs `fn` inside one transaction that is always rolled back. Use-cases open their own
 * transactions on the handle they get, which here become savepoints of this one.
 */
export async function rolledBack(app: DatabaseHandle, fn: (db: Database) => Promise<void>) {
  try {
    await app.db.transaction(async (tx) => {
      await fn(tx as unknown as Database);
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected a refusal");
}
