"use server";

import { revalidatePath } from "next/cache";
import { addMeetingStudentSchema, createMeetingSchema } from "@/lib/domain/meetings/schemas";
import { z } from "@/lib/domain/zod";
import { actionArgument, serverAction } from "@/lib/server/action";
import { addMeetingStudent } from "@/lib/use-cases/meetings/add-meeting-student";
import { createMeeting } from "@/lib/use-cases/meetings/create-meeting";

export const createMeetingAction = serverAction(createMeetingSchema, async (ctx, input) => {
  const created = await createMeeting(ctx, input);
  revalidatePath("/meetings");
  return created;
});

const addStudent = serverAction(
  addMeetingStudentSchema.safeExtend({ meetingId: z.uuid() }),
  async (ctx, { meetingId, ...input }, idempotencyKey) => {
    const result = await addMeetingStudent(ctx, meetingId, input, idempotencyKey.slice(0, 200));
    revalidatePath(`/meetings/${meetingId}`);
    revalidatePath(`/students/${input.studentId}`);
    return result.body;
  },
  actionArgument.idempotencyKey,
);

/** The add-a-student form's action; the meeting is bound by the page, the key made by the form. */
export async function addMeetingStudentAction(
  meetingId: string,
  values: unknown,
  idempotencyKey: string,
) {
  return addStudent({ ...(values as object), meetingId }, idempotencyKey);
}
