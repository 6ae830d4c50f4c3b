import {
  addSessionSchema,
  cancelSessionSchema,
  listSessionsQuerySchema,
  recordAttendanceSchema,
  rescheduleSessionSchema,
} from "@/lib/domain/sessions/schemas";
import type { RouteSpec } from "../registry";
import {
  attendanceRecordedSchema,
  sessionCancelledSchema,
  sessionDetailSchema,
  sessionListSchema,
  sessionRescheduledSchema,
  sessionSchema,
} from "../schemas/sessions";
import { GROUP_TEAM, WHO_SEES_GROUP } from "./audiences";

/** The Sessions routes of the HTTP API (lib/api/routes/index.ts lists them all). */
export const sessionsRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/interventions/{id}/sessions",
    operationId: "listSessions",
    tag: "Sessions",
    summary: "List an intervention's sessions",
    description:
      "In date order, optionally between `from` and `to`. Session notes and marks only for the group's team.",
    access: WHO_SEES_GROUP,
    pathParams: { id: "The intervention." },
    query: listSessionsQuerySchema,
    responses: { 200: { description: "The sessions.", schema: sessionListSchema } },
    errors: [400, 401, 404],
  },
  {
    method: "post",
    path: "/interventions/{id}/sessions",
    operationId: "addSession",
    tag: "Sessions",
    summary: "Add a session",
    description:
      "E.g. a make-up for a cancelled one (`makeupForSessionId`); `reason` goes to the audit trail.",
    access: GROUP_TEAM,
    pathParams: { id: "The intervention." },
    body: addSessionSchema,
    responses: {
      201: {
        description: "The added session.",
        schema: sessionSchema,
        headers: { Location: "Where to list it." },
      },
    },
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: "get",
    path: "/sessions/{id}",
    operationId: "getSession",
    tag: "Sessions",
    summary: "Get a session",
    description:
      "The roster with each student's mark and probe score, the rate, follow-up flags and the group's fidelity.",
    access: "The group's team, and teachers following it (their own students only).",
    pathParams: { id: "The session." },
    responses: { 200: { description: "The session.", schema: sessionDetailSchema } },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: "/sessions/{id}/attendance",
    operationId: "recordAttendance",
    tag: "Sessions",
    summary: "Record attendance",
    description:
      "Marks, session notes and probe scores of one session (Scenario 3). Correcting saved marks needs `reason`. Publishes `InterventionAttendanceRecordedEvent`.",
    access: GROUP_TEAM,
    pathParams: { id: "The session." },
    body: recordAttendanceSchema,
    idempotencyWindowMinutes: 5,
    responses: { 200: { description: "Saved.", schema: attendanceRecordedSchema } },
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: "post",
    path: "/sessions/{id}/cancel",
    operationId: "cancelSession",
    tag: "Sessions",
    summary: "Cancel a session",
    access: GROUP_TEAM,
    pathParams: { id: "The session." },
    body: cancelSessionSchema,
    responses: { 200: { description: "Cancelled.", schema: sessionCancelledSchema } },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "post",
    path: "/sessions/{id}/reschedule",
    operationId: "rescheduleSession",
    tag: "Sessions",
    summary: "Reschedule a session",
    access: GROUP_TEAM,
    pathParams: { id: "The session." },
    body: rescheduleSessionSchema,
    responses: { 200: { description: "Moved.", schema: sessionRescheduledSchema } },
    errors: [400, 401, 403, 404, 409, 422],
  },
];
