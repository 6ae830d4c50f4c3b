import { recordRead } from "@/db/queries/audit";
import { meetingOf } from "@/db/queries/meetings";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import {
  canRecordMeetings,
  mayReadMeetings,
  readsEveryMeeting,
} from "@/lib/domain/policy/meetings";
import type { TeamMember } from "@/lib/domain/tiers/schemas";
import type { UseCaseContext } from "../context";
import { readableMeetingStudents } from "./meeting-view";

/**
 * A meeting's recap: date, title, attendees, notes and each student discussed with the decision
 * and the link to the data looked at. A teacher or facilitator sees only their students' lines,
 * and a meeting about none of them is not found. The read of the students' lines is logged.
 */
export async function getMeeting(ctx: UseCaseContext, meetingId: string) {
  const { actor } = ctx;
  if (!mayReadMeetings(actor)) throw new ForbiddenError("Meetings are for staff.");
  return withTenant(ctx.db, actor, async (tx) => {
    const meeting = await meetingOf(tx, actor.tenantId, meetingId);
    if (!meeting) throw new NotFoundError("Meeting");
    const students = (await readableMeetingStudents(tx, actor, [meetingId])).get(meetingId) ?? [];
    if (!readsEveryMeeting(actor) && students.length === 0) throw new NotFoundError("Meeting");
    if (students.length > 0) {
      await recordRead(
        tx,
        actor,
        ctx.requestId,
        students.map((s) => ({
          entityType: "student",
          entityId: s.studentId,
          studentId: s.studentId,
          details: { view: "mtss-meeting", meetingId },
        })),
      );
    }
    return {
      id: meeting.id,
      heldOn: meeting.heldOn,
      title: meeting.title,
      schoolName: meeting.schoolName,
      attendees: meeting.attendees as TeamMember[],
      notes: meeting.notes,
      students,
      /** Whether the reader may add students discussed. */
      editable: canRecordMeetings(actor),
    };
  });
}
