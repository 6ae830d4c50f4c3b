import { z } from "zod";
import {
  createInterventionRequestSchema,
  enrollStudentsSchema,
  listInterventionsQuerySchema,
  peopleQuerySchema,
} from "@/lib/domain/interventions/schemas";
import { updateInterventionSchema } from "@/lib/domain/interventions/update-schema";
import { atRiskApiQuerySchema } from "@/lib/domain/reports/at-risk";
import {
  addSessionSchema,
  cancelSessionSchema,
  editProgressNoteSchema,
  listNotesQuerySchema,
  listSessionsQuerySchema,
  progressNoteSchema,
  recordAttendanceSchema,
  rescheduleSessionSchema,
} from "@/lib/domain/sessions/schemas";
import { changeTierSchema } from "@/lib/domain/tiers/schemas";
import { defineRoutes } from "./registry";
import { eventFeedPageSchema, eventsFeedQuerySchema } from "./schemas/events";
import {
  enrollmentResultSchema,
  interventionPageSchema,
  interventionSchema,
} from "./schemas/interventions";
import { staffListSchema, studentListSchema, tierChangeSchema } from "./schemas/people";
import {
  effectivenessSchema,
  noteHistorySchema,
  noteListSchema,
  noteSchema,
  studentProgressSchema,
} from "./schemas/progress";
import {
  assessmentListSchema,
  atRiskReportSchema,
  studentInterventionHistorySchema,
} from "./schemas/screening";
import {
  attendanceRecordedSchema,
  sessionCancelledSchema,
  sessionDetailSchema,
  sessionListSchema,
  sessionRescheduledSchema,
  sessionSchema,
} from "./schemas/sessions";

const MANAGERS = "Intervention specialists and district admins.";
const STAFF = "Staff (specialists, facilitators, teachers, admins).";
const ANYONE_SIGNED_IN = "Anyone signed in; each sees what their role and relations allow.";
const GROUP_TEAM = "The group's facilitators, intervention specialists and district admins.";
const WHO_SEES_GROUP =
  "Whoever may see the intervention (its team, teachers of its students, their families).";

/**
 * Every route under /api/v1, declared once. The OpenAPI document (`GET /api/v1/openapi.json`)
 * and the reference page (/api-docs) are generated from this list, with the zod schemas the
 * handlers validate with; the contract test (e2e/api-contract.spec.ts) calls each one.
 */
export const API_ROUTES = defineRoutes([
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
      "Plans the group and its sessions on the district's instructional days, optionally enrolling students (`studentIds`). Publishes `InterventionCreatedEvent` and one `StudentEnrolledInInterventionEvent` per student.",
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
    errors: [400, 401, 403, 404, 422],
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
      "The fields present are replaced, the others kept. Send the version you read (`If-Match` or `version`); a stale one answers 409. `reason` goes to the audit trail and is required to cancel.",
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
    method: "post",
    path: "/interventions/{id}/enroll",
    operationId: "enrollStudents",
    tag: "Interventions",
    summary: "Enroll students",
    access: MANAGERS,
    pathParams: { id: "The intervention." },
    body: enrollStudentsSchema,
    responses: { 201: { description: "Enrolled.", schema: enrollmentResultSchema } },
    errors: [400, 401, 403, 404, 409],
  },
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
    path: "/interventions/{id}/effectiveness",
    operationId: "getEffectiveness",
    tag: "Progress",
    summary: "Effectiveness of an intervention",
    description:
      "Attendance, fidelity, scores against the goal, hours invested, non-responders and a recommendation (Scenario 6). Needs the intervention's measure and goal (422 without).",
    access: GROUP_TEAM,
    pathParams: { id: "The intervention." },
    responses: { 200: { description: "The figures.", schema: effectivenessSchema } },
    errors: [401, 403, 404, 422],
  },
  {
    method: "get",
    path: "/interventions/{id}/notes",
    operationId: "listNotes",
    tag: "Progress",
    summary: "List progress notes",
    description: "Only the notes whose visibility allows the caller to read them.",
    access: WHO_SEES_GROUP,
    pathParams: { id: "The intervention." },
    query: listNotesQuerySchema,
    responses: { 200: { description: "The notes.", schema: noteListSchema } },
    errors: [400, 401, 404],
  },
  {
    method: "post",
    path: "/interventions/{id}/notes",
    operationId: "addNote",
    tag: "Progress",
    summary: "Add a progress note",
    description:
      "Scenario 4. `visibility` is `team` unless said otherwise. Publishes `ProgressNoteAddedEvent` (without the text).",
    access: GROUP_TEAM,
    pathParams: { id: "The intervention." },
    body: progressNoteSchema,
    idempotencyWindowMinutes: 10,
    responses: {
      201: {
        description: "The note.",
        schema: noteSchema,
        headers: { Location: "The note's URL." },
      },
    },
    errors: [400, 401, 403, 404, 422],
  },
  {
    method: "get",
    path: "/interventions/{id}/notes/{noteId}",
    operationId: "getNote",
    tag: "Progress",
    summary: "Get a progress note with its history",
    access: "Whoever may read the note; its history only for the group's team.",
    pathParams: { id: "The intervention.", noteId: "The note." },
    responses: {
      200: {
        description: "The note and its earlier versions.",
        schema: noteHistorySchema,
        headers: { ETag: "The note's version." },
      },
    },
    errors: [401, 404],
  },
  {
    method: "put",
    path: "/interventions/{id}/notes/{noteId}",
    operationId: "editNote",
    tag: "Progress",
    summary: "Edit a progress note",
    description:
      "Needs `reason` (kept with the earlier version and in the audit trail) and the version you read (`If-Match` or `version`); 409 when stale.",
    access: GROUP_TEAM,
    pathParams: { id: "The intervention.", noteId: "The note." },
    body: editProgressNoteSchema.partial({ version: true }),
    ifMatch: true,
    responses: { 200: { description: "The edited note.", schema: noteSchema } },
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
  {
    method: "get",
    path: "/students",
    operationId: "searchStudents",
    tag: "People",
    summary: "Search students",
    description:
      "Specialists and admins search the district; teachers and facilitators find the students on their rosters and in their groups.",
    access: STAFF,
    query: peopleQuerySchema,
    responses: { 200: { description: "Matching students.", schema: studentListSchema } },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/students/{id}/progress",
    operationId: "getStudentProgress",
    tag: "Progress",
    summary: "A student's progress-chart data",
    description:
      "Readings per measure across interventions with baseline, aim and trend lines, the decision rule's verdict, tier changes and readable notes.",
    access: "Staff connected to the student, and the student's family.",
    pathParams: { id: "The student." },
    responses: { 200: { description: "The chart data.", schema: studentProgressSchema } },
    errors: [401, 403, 404],
  },
  {
    method: "get",
    path: "/students/{id}/interventions",
    operationId: "getStudentInterventions",
    tag: "People",
    summary: "A student's intervention and tier history",
    description:
      "Every enrollment, current and past, with schedule, exit and opt-out, and attendance rate; and the tier timeline.",
    access:
      "Specialists and admins; teachers of the student; facilitators of their groups; their family.",
    pathParams: { id: "The student." },
    responses: { 200: { description: "The history.", schema: studentInterventionHistorySchema } },
    errors: [401, 404],
  },
  {
    method: "get",
    path: "/assessments",
    operationId: "listAssessments",
    tag: "Screening",
    summary: "The assessment catalogue",
    description: "The district's screening instruments with their cut scores.",
    access: MANAGERS,
    responses: { 200: { description: "The catalogue.", schema: assessmentListSchema } },
    errors: [401, 403],
  },
  {
    method: "get",
    path: "/reports/at-risk",
    operationId: "getAtRiskReport",
    tag: "Screening",
    summary: "Students at risk on a screening (Scenario 2)",
    description:
      "Students below the Tier 1 cut for the assessment and window (default: the latest window with results), with the recommended tier, current tier and current interventions; filtered by school, grade and teacher. `format=csv` answers the same rows as `text/csv`.",
    access: MANAGERS,
    query: atRiskApiQuerySchema,
    responses: { 200: { description: "The report.", schema: atRiskReportSchema } },
    errors: [400, 401, 403, 404],
  },
  {
    method: "post",
    path: "/students/{id}/tier",
    operationId: "changeTier",
    tag: "People",
    summary: "Change a student's tier",
    description:
      "Records the decision with its justification (`reason`, required) in the tier timeline and the audit trail. Moving up publishes `TierEscalatedEvent`.",
    access: MANAGERS,
    pathParams: { id: "The student." },
    body: changeTierSchema,
    idempotencyWindowMinutes: 10,
    responses: { 201: { description: "The recorded change.", schema: tierChangeSchema } },
    errors: [400, 401, 403, 404, 422],
  },
  {
    method: "get",
    path: "/staff",
    operationId: "searchStaff",
    tag: "People",
    summary: "Search staff",
    access: STAFF,
    query: peopleQuerySchema.pick({ q: true, limit: true, offset: true }),
    responses: { 200: { description: "Matching staff.", schema: staffListSchema } },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/events",
    operationId: "listEvents",
    tag: "Events",
    summary: "Read the published-events feed",
    description:
      "The district's published events in feed order, as the same CloudEvents that go to NATS: for consumers without NATS. Start without `after`, then pass each page's `nextCursor`. Events are never skipped, including those of transactions that commit late.",
    access: "District admins, and API tokens with the admin role.",
    query: eventsFeedQuerySchema,
    responses: { 200: { description: "A page of the feed.", schema: eventFeedPageSchema } },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Meta",
    summary: "This document",
    description: "OpenAPI 3.1, generated from the zod schemas the handlers validate with.",
    access: "public",
    responses: {
      200: {
        description: "The OpenAPI document.",
        schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
      },
    },
    errors: [],
  },
]);
