"use server";

import { revalidatePath } from "next/cache";
import {
  caseloadCapSchema,
  deleteRowSchema,
  staffAbsenceSchema,
  workingHoursSchema,
} from "@/lib/domain/scheduling/time-facts-schemas";
import { serverAction } from "@/lib/server/action";
import { addStaffAbsence } from "@/lib/use-cases/scheduling/add-staff-absence";
import { removeStaffAbsence } from "@/lib/use-cases/scheduling/remove-staff-absence";
import { setCaseloadCap } from "@/lib/use-cases/scheduling/set-caseload-cap";
import { setWorkingHours } from "@/lib/use-cases/scheduling/set-working-hours";

const PAGE = "/admin/staff";

export const setWorkingHoursAction = serverAction(workingHoursSchema, async (ctx, input) => {
  const saved = await setWorkingHours(ctx, input);
  revalidatePath(PAGE);
  return saved;
});

export const addAbsenceAction = serverAction(staffAbsenceSchema, async (ctx, input) => {
  const saved = await addStaffAbsence(ctx, input);
  revalidatePath(PAGE);
  return { id: saved.id };
});

export const removeAbsenceAction = serverAction(deleteRowSchema, async (ctx, input) => {
  const removed = await removeStaffAbsence(ctx, input.id);
  revalidatePath(PAGE);
  return removed;
});

export const setCaseloadCapAction = serverAction(caseloadCapSchema, async (ctx, input) => {
  const saved = await setCaseloadCap(ctx, input);
  revalidatePath(PAGE);
  return saved;
});
