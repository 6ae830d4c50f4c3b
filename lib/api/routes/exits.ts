import {
  declineExitSchema,
  endEnrollmentSchema,
  exitReviewQuerySchema,
  recommendExitSchema,
} from "@/lib/domain/exit";
import { approveExitSchema } from "@/lib/domain/exit/schemas";
import type { RouteSpec } from "../registry";
import {
  endedEnrollmentSchema,
  exitReviewListSchema,
  exitReviewSchema,
  recommendedSchema,
} from "../schemas/exits";
import { GROUP_TEAM, MANAGERS } from "./audiences";

/** The Exits routes of the HTTP API (Scenario 11; lib/api/routes/index.ts lists them all). */
export const exitsRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/exit-reviews",
    operationId: "listExitReviews",
    tag: "Exits",
    summary: "Exit reviews, by status",
    description:
      "Students the daily evaluation (or a new probe or benchmark) found meeting their group's exit criteria (`eligible`), those their facilitator recommended (`recommended`), and the decisions (`approved`, `declined`), each with its report. Without `status`: the open ones (eligible and recommended). Specialists and admins see the district's; facilitators their groups'.",
    access: "Specialists and admins; facilitators (their groups). Others 403.",
    query: exitReviewQuerySchema,
    responses: { 200: { description: "The reviews.", schema: exitReviewListSchema } },
    errors: [400, 401, 403],
  },
  {
    method: "post",
    path: "/exit-reviews/{id}/recommend",
    operationId: "recommendExit",
    tag: "Exits",
    summary: "Recommend a flagged student's exit",
    description:
      "The facilitator's recommendation (third criterion) with an optional `note`; the review goes to the specialists' list. 409 unless the review is `eligible`.",
    access: GROUP_TEAM,
    pathParams: { id: "The exit review." },
    body: recommendExitSchema,
    responses: { 200: { description: "The review, now recommended.", schema: recommendedSchema } },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "post",
    path: "/exit-reviews/{id}/approve",
    operationId: "approveExit",
    tag: "Exits",
    summary: "Approve an exit",
    description:
      "The enrollment ends today with the reason `met-exit-criteria`, `StudentExitedInterventionEvent` is published, six weekly follow-ups fall due to the facilitator, and each guardian is sent the celebration letter in their language. 409 unless the review is `recommended`.",
    access: MANAGERS,
    pathParams: { id: "The exit review." },
    body: approveExitSchema,
    responses: { 200: { description: "The approved review.", schema: exitReviewSchema } },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "post",
    path: "/exit-reviews/{id}/decline",
    operationId: "declineExit",
    tag: "Exits",
    summary: "Decline an exit",
    description:
      "The student stays in the group; the `reason` is kept on the review and in the audit trail. The student is flagged again only when a newer probe or benchmark meets the criteria.",
    access: MANAGERS,
    pathParams: { id: "The exit review." },
    body: declineExitSchema,
    responses: { 200: { description: "The declined review.", schema: exitReviewSchema } },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "post",
    path: "/interventions/{id}/students/{studentId}/exit",
    operationId: "endEnrollment",
    tag: "Exits",
    summary: "End an enrollment for another reason",
    description:
      "Moved away, family opt-out, or completed the planned duration, dated between the enrollment date and today (422 otherwise). Publishes `StudentExitedInterventionEvent`; no celebration letter, no follow-ups. 404 when the student is not enrolled now.",
    access: MANAGERS,
    pathParams: { id: "The intervention.", studentId: "The student." },
    body: endEnrollmentSchema,
    responses: { 200: { description: "The ended enrollment.", schema: endedEnrollmentSchema } },
    errors: [400, 401, 403, 404, 422],
  },
];
