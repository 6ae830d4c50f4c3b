"use server";

import { revalidatePath } from "next/cache";
import { closeSchoolYearSchema, newSchoolYearSchema } from "@/lib/domain/calendar/school-years";
import { newReportingPeriodSchema } from "@/lib/domain/families/reporting-periods";
import { deleteRowSchema } from "@/lib/domain/scheduling/time-facts-schemas";
import { actionArgument, serverAction } from "@/lib/server/action";
import { addReportingPeriod } from "@/lib/use-cases/families/add-reporting-period";
import { removeReportingPeriod } from "@/lib/use-cases/families/remove-reporting-period";
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
  (ctx, input, yearId) => closeSchoolYear(ctx, yearId, input),
  actionArgument.id,
);

/** A period of the reporting calendar, added to a year. */
export const addReportingPeriodAction = serverAction(
  newReportingPeriodSchema,
  async (ctx, input) => {
    const period = await addReportingPeriod(ctx, input);
    revalidatePath(PAGE);
    return period;
  },
);

export const removeReportingPeriodAction = serverAction(deleteRowSchema, async (ctx, input) => {
  const removed = await removeReportingPeriod(ctx, input.id);
  revalidatePath(PAGE);
  return removed;
});
