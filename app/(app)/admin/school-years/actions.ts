"use server";

import { revalidatePath } from "next/cache";
import { closeSchoolYearSchema, newSchoolYearSchema } from "@/lib/domain/calendar/school-years";
import { serverAction } from "@/lib/server/action";
import { addSchoolYear } from "@/lib/use-cases/school-years/add-school-year";
import { closeSchoolYear } from "@/lib/use-cases/school-years/close-school-year";

const PAGE = "/admin/school-years";

/** "Enter a school year", as `POST /school-years`. */
export const addSchoolYearAction = serverAction(newSchoolYearSchema, async (ctx, input) => {
  const year = await addSchoolYear(ctx, input);
  revalidatePath(PAGE);
  return year;
});

/** "Close the year", as `POST /school-years/{id}/close`. */
export const closeSchoolYearAction = serverAction(
  closeSchoolYearSchema,
  (ctx, input, yearId: string) => closeSchoolYear(ctx, yearId, input),
);
