import { closeSchoolYearSchema, newSchoolYearSchema } from "@/lib/domain/calendar/school-years";
import type { RouteSpec } from "../registry";
import {
  rolloverResultSchema,
  schoolYearSchema,
  schoolYearsViewSchema,
} from "../schemas/school-years";

const ADMINS = "District admins.";

/** The School years routes of the HTTP API (issue 11, point 6; lib/api/routes/index.ts). */
export const schoolYearsRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/school-years",
    operationId: "listSchoolYears",
    tag: "School years",
    summary: "School years and the year-end rollover",
    description:
      "The district's years, and for the earliest open one the groups still meeting after its last day and the number of students whose tiers carry over.",
    access: ADMINS,
    responses: { 200: { description: "The years.", schema: schoolYearsViewSchema } },
    errors: [401, 403],
  },
  {
    method: "post",
    path: "/school-years",
    operationId: "addSchoolYear",
    tag: "School years",
    summary: "Enter a school year",
    description:
      "Its first and last days of instruction; the name follows from the August it starts in. 409 when it shares a day with another year or its name is taken.",
    access: ADMINS,
    body: newSchoolYearSchema,
    responses: {
      201: {
        description: "Entered.",
        schema: schoolYearSchema,
        headers: { Location: "The school years' list." },
      },
    },
    errors: [400, 401, 403, 409],
  },
  {
    method: "post",
    path: "/school-years/{id}/close",
    operationId: "closeSchoolYear",
    tag: "School years",
    summary: "Close a school year (the year-end rollover)",
    description:
      "`groups` gives each group still meeting after the last day an `outcome`: `continue` plans its sessions after the last day again on the next year's calendar (the summer skipped, as many as were left); `end` drops them and ends the group on the last day (it completes, with the families' closing letters, once that day is past). Every student in Tier 2 or 3 keeps the tier with a `carry-over` decision. 422 when a group's choice is missing or the next year is not entered; 409 when the year is closed, an earlier one is still open, or a continuing group would meet where something is booked.",
    access: ADMINS,
    pathParams: { id: "The school year." },
    body: closeSchoolYearSchema,
    responses: { 200: { description: "Closed.", schema: rolloverResultSchema } },
    errors: [400, 401, 403, 404, 409, 422],
  },
];
