import { meetingsOf } from "@/db/queries/meetings";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { mayReadMeetings, readsEveryMeeting } from "@/lib/domain/policy/meetings";
import type { UseCaseContext } from "../context";
import { readableMeetingStudents } from "./meeting-view";

/** How many meetings the list shows, latest first. */
export const MEETINGS_LISTED = 100;

/**
 * The district's MTSS meetings, latest first, each with the students discussed the actor may
 * read; for staff other than specialists and admins, only meetings about their students.
 */
export async function listMeetings(ctx: UseCaseContext) {
  if (!mayReadMeetings(ctx.actor)) throw new ForbiddenError("Meetings are for staff.");
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const meetings = await meetingsOf(tx, ctx.actor.tenantId, MEETINGS_LISTED);
    const students = await readableMeetingStudents(
      tx,
      ctx.actor,
      meetings.map((m) => m.id),
    );
    const everything = readsEveryMeeting(ctx.actor);
    return meetings
      .filter((m) => everything || (students.get(m.id)?.length ?? 0) > 0)
      .map((m) => ({
        id: m.id,
        heldOn: m.heldOn,
        title: m.title,
        schoolName: m.schoolName,
        attendeeCount: (m.attendees as unknown[]).length,
        students: students.get(m.id) ?? [],
      }));
  });
}
