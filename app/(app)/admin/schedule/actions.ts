"use server";

import { revalidatePath } from "next/cache";
import {
  bellPeriodSchema,
  deleteRowSchema,
  protectedBlockSchema,
  roomSchema,
  schoolRotationSchema,
} from "@/lib/domain/scheduling/time-facts-schemas";
import { z } from "@/lib/domain/zod";
import { serverAction } from "@/lib/server/action";
import { deleteBellPeriod } from "@/lib/use-cases/scheduling/delete-bell-period";
import { deleteProtectedBlock } from "@/lib/use-cases/scheduling/delete-protected-block";
import { importBellSchedule } from "@/lib/use-cases/scheduling/import-bell-schedule";
import { saveBellPeriod } from "@/lib/use-cases/scheduling/save-bell-period";
import { saveProtectedBlock } from "@/lib/use-cases/scheduling/save-protected-block";
import { saveRoom } from "@/lib/use-cases/scheduling/save-room";
import { setScheduleOverride } from "@/lib/use-cases/scheduling/set-schedule-override";
import { setSchoolRotation } from "@/lib/use-cases/scheduling/set-school-rotation";

const PAGE = "/admin/schedule";

export const setRotationAction = serverAction(schoolRotationSchema, async (ctx, input) => {
  const saved = await setSchoolRotation(ctx, input);
  revalidatePath(PAGE);
  return saved;
});

export const saveBellPeriodAction = serverAction(bellPeriodSchema, async (ctx, input) => {
  const saved = await saveBellPeriod(ctx, input);
  revalidatePath(PAGE);
  return saved;
});

export const deleteBellPeriodAction = serverAction(deleteRowSchema, async (ctx, input) => {
  const deleted = await deleteBellPeriod(ctx, input.id);
  revalidatePath(PAGE);
  return deleted;
});

export const saveProtectedBlockAction = serverAction(protectedBlockSchema, async (ctx, input) => {
  const saved = await saveProtectedBlock(ctx, input);
  revalidatePath(PAGE);
  return saved;
});

export const deleteProtectedBlockAction = serverAction(deleteRowSchema, async (ctx, input) => {
  const deleted = await deleteProtectedBlock(ctx, input.id);
  revalidatePath(PAGE);
  return deleted;
});

export const saveRoomAction = serverAction(roomSchema, async (ctx, input) => {
  const saved = await saveRoom(ctx, input);
  revalidatePath(PAGE);
  return saved;
});

/** A bell schedule CSV of at most 1 MB, sent as text by the upload form. */
const bellScheduleUpload = z.object({
  name: z.string().trim().min(1).max(200),
  content: z.string().max(1_000_000, "A bell schedule file is at most 1 MB."),
});

export const importBellScheduleAction = serverAction(bellScheduleUpload, async (ctx, input) => {
  const result = await importBellSchedule(ctx, {
    name: input.name,
    open: async function* () {
      yield new TextEncoder().encode(input.content);
    },
  });
  if (result.ok) revalidatePath(PAGE);
  return result;
});

export const setScheduleOverrideAction = serverAction(
  z.object({ allowed: z.enum(["yes", "no"], { error: "Choose one." }) }),
  async (ctx, input) => {
    const saved = await setScheduleOverride(ctx, { allowed: input.allowed === "yes" });
    revalidatePath(PAGE);
    return saved;
  },
);
