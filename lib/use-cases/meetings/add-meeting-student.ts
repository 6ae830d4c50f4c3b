import { appendAudit } from "@/db/queries/audit";
import { insertMeetingStudent, meetingOf, tierChangeOfStudent } from "@/db/queries/meetings";
import { studentWithSchool } from "@/db/queries/students";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { AddMeetingStudentInput } from "@/lib/domain/meetings/schemas";
import { decisionSummary } from "@/lib/domain/meetings/summary";
import { canRecordMeetings } from "@/lib/domain/policy/meetings";
import { runIdempotent } from "../common/idempotent";
import type { UseCaseContext } from "../context";
import { changeTierIn } from "../tiers/change-tier";

export interface MeetingStudentDto {
  id: string;
  meetingId: string;
  studentId: string;
  tierChangeId: string | null;
  decisionSummary: string;
  reviewOn: string | null;
}

/**
 * A student discussed at a meeting, with the decision taken. The data looked at is a tier
 * decision's snapshot: a decision already recorded, or one recorded now through the change-tier
 * rules (snapshot, fidelity gate, letter, event) in the same transaction, so the meeting line and
 * the decision exist together or not at all.
 */
export async function addMeetingStudent(
  ctx: UseCaseContext,
  meetingId: string,
  input: AddMeetingStudentInput,
  idempotencyKey?: string | null,
) {
  if (!canRecordMeetings(ctx.actor)) {
    throw new ForbiddenError("Only intervention specialists and district admins record meetings.");
  }
  const { tenantId } = ctx.actor;
  return runIdempotent<MeetingStudentDto>(
    ctx,
    {
      operation: "add-meeting-student",
      key: idempotencyKey,
      request: { meetingId, ...input },
      windowMinutes: 10,
    },
    async (tx) => {
      const meeting = await meetingOf(tx, tenantId, meetingId);
      if (!meeting) throw new NotFoundError("Meeting");
      if (!(await studentWithSchool(tx, tenantId, input.studentId))) {
        throw new NotFoundError("Student", "The student was not found in your district.", [
          { path: "studentId", message: "Pick a student of your district." },
        ]);
      }
      let tierChange: { id: string; fromTier: number | null; toTier: number } | null = null;
      if (input.tierDecision) {
        tierChange = await changeTierIn(tx, ctx, input.studentId, input.tierDecision);
      } else if (input.tierChangeId) {
        tierChange = await tierChangeOfStudent(tx, tenantId, input.studentId, input.tierChangeId);
        if (!tierChange) {
          throw new NotFoundError("Tier decision", "No such tier decision of this student.", [
            { path: "tierChangeId", message: "Pick one of the student's tier decisions." },
          ]);
        }
      }
      const summary = decisionSummary({ tierChange, plan: input.plan, decision: input.decision });
      const row = await insertMeetingStudent(tx, {
        tenantId,
        meetingId,
        studentId: input.studentId,
        tierChangeId: tierChange?.id ?? null,
        decisionSummary: summary,
        reviewOn: input.reviewOn ?? null,
      });
      await appendAudit(tx, ctx.actor, ctx.requestId, [
        {
          action: "mtss_meeting.student_discussed",
          entityType: "mtss_meeting",
          entityId: meetingId,
          studentId: input.studentId,
          after: {
            tierChangeId: row.tierChangeId,
            decisionSummary: summary,
            reviewOn: row.reviewOn,
          },
        },
      ]);
      return {
        status: 201,
        body: {
          id: row.id,
          meetingId,
          studentId: input.studentId,
          tierChangeId: row.tierChangeId,
          decisionSummary: summary,
          reviewOn: row.reviewOn,
        },
      };
    },
  );
}
