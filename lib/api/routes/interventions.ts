import {
  createInterventionRequestSchema,
  enrollStudentsSchema,
  listInterventionsQuerySchema,
} from "@/lib/domain/interventions/schemas";
import { updateInterventionSchema } from "@/lib/domain/interventions/update-schema";
import type { RouteSpec } from "../registry";
import {
  enrollmentResultSchema,
  interventionPageSchema,
  interventionSchema,
} from "../schemas/interventions";
import { ANYONE_SIGNED_IN, MANAGERS } from "./audiences";

/** The Interventions routes of the HTTP API (lib/api/routes/index.ts lists them all). */
export const interventionsRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/interventions",
    operationId: "listInterventions",
    tag: "Interventions",
    summary: "List interventions",
    description: "Newest first, a page at a time. `mine=true`: groups you created or facilitate.",
    access: ANYONE_SIGNED_IN,
    query: listInterventionsQuerySchema,
    responses: { 200: { description: "A page of interventions.", schema: interventionPageSchema } },
    errors: [400, 401],
  },
  {
    method: "post",
    path: "/interventions",
    operationId: "createIntervention",
    tag: "Interventions",
    summary: "Create an intervention",
    description:
      "Plans the group and its sessions on the district's instructional days, optionally enrolling students (`studentIds`), in a room (`roomId`) with resources (`resources`). A plan with conflicts (see `POST /schedule/check`) is refused with 409 listing them, unless the district allows `override: { reason }` and none is a double booking. Publishes `InterventionCreatedEvent` and one `StudentEnrolledInInterventionEvent` per student.",
    access: MANAGERS,
    body: createInterventionRequestSchema,
    idempotencyWindowMinutes: 10,
    responses: {
      201: {
        description: "Created.",
        schema: interventionSchema,
        headers: { Location: "The new intervention's URL." },
      },
    },
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: "get",
    path: "/interventions/{id}",
    operationId: "getIntervention",
    tag: "Interventions",
    summary: "Get an intervention",
    access: ANYONE_SIGNED_IN,
    pathParams: { id: "The intervention." },
    responses: {
      200: {
        description: "The intervention.",
        schema: interventionSchema,
        headers: { ETag: 'The version, e.g. "3"; send it back as If-Match to update.' },
      },
    },
    errors: [401, 404],
  },
  {
    method: "put",
    path: "/interventions/{id}",
    operationId: "updateIntervention",
    tag: "Interventions",
    summary: "Update an intervention",
    description:
      "The fields present are replaced, the others kept. Send the version you read (`If-Match` or `version`); a stale one answers 409. `reason` goes to the audit trail and is required to cancel. A new `schedule`, `startDate` or `durationWeeks` plans the sessions still to come again (held ones never move); schedule, room, facilitator and resource changes are checked for conflicts from today on, and a plan that collides answers 409 with `conflicts` and `alternatives` (see `POST /schedule/check`; `override: { reason }` where the district allows).",
    access: MANAGERS,
    pathParams: { id: "The intervention." },
    body: updateInterventionSchema,
    ifMatch: true,
    responses: {
      200: {
        description: "The updated intervention.",
        schema: interventionSchema,
        headers: { ETag: "The new version." },
      },
    },
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: "get",
    path: "/interventions/{id}/calendar.ics",
    operationId: "getInterventionCalendar",
    tag: "Interventions",
    summary: "Get an intervention's sessions as iCalendar",
    description:
      "The group's sessions as one series (RFC 5545): a weekly `RRULE` on its days at its start time in the district's time zone (with its `VTIMEZONE`), `EXDATE` for days without a session (holidays, cancelled or moved sessions), `RDATE` and `RECURRENCE-ID` events for make-ups and moved sessions. The `UID` is stable and `SEQUENCE` rises with every change sent to the facilitators' calendars. Readable by whoever may read the intervention.",
    access: ANYONE_SIGNED_IN,
    pathParams: { id: "The intervention." },
    responses: {
      200: {
        description: "The series, `text/calendar`.",
        contentType: "text/calendar",
        headers: { "Content-Disposition": 'attachment; filename="intervention-<id>.ics"' },
      },
    },
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/interventions/{id}/enroll",
    operationId: "enrollStudents",
    tag: "Interventions",
    summary: "Enroll students",
    description:
      "The students joining are checked against the group's sessions still to come (their classes, protected time, other groups) and the group's new size against its room and its facilitators' caseload caps: conflicts answer 409 with `conflicts`, unless `override: { reason }` where the district allows.",
    access: MANAGERS,
    pathParams: { id: "The intervention." },
    body: enrollStudentsSchema,
    responses: { 201: { description: "Enrolled.", schema: enrollmentResultSchema } },
    errors: [400, 401, 403, 404, 409],
  },
];
