import { appendAudit } from "@/db/queries/audit";
import { insertMeeting, schoolExists } from "@/db/queries/meetings";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { CreateMeetingInput } from "@/lib/domain/meetings/schemas";
import { canRecordMeetings } from "@/lib/domain/policy/meetings";
import type { UseCaseContext } from "../context";

/** Records an MTSS team meeting: the day, a title, the attendees as they were that day, notes. */
export async function createMeeting(ctx: UseCaseContext, input: CreateMeetingInput) {
  if (!canRecordMeetings(ctx.actor)) {
    throw new ForbiddenError("Only intervention specialists and district admins record meetings.");
  }
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    if (input.schoolId && !(await schoolExists(tx, tenantId, input.schoolId))) {
      throw new NotFoundError("School", "The school was not found in your district.", [
        { path: "schoolId", message: "No such school in your district." },
      ]);
    }
    const meeting = await insertMeeting(tx, {
      tenantId,
      heldOn: input.heldOn,
      title: input.title,
      schoolId: input.schoolId ?? null,
      attendees: input.attendees,
      notes: input.notes || null,
      createdBy: ctx.actor.userId,
    });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "mtss_meeting.created",
        entityType: "mtss_meeting",
        entityId: meeting.id,
        after: { heldOn: meeting.heldOn, title: meeting.title, attendees: input.attendees },
      },
    ]);
    return { id: meeting.id };
  });
}
