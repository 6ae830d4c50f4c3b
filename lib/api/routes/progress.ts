import { districtApiQuerySchema } from "@/lib/domain/reports/district-effectiveness";
import {
  editProgressNoteSchema,
  listNotesQuerySchema,
  progressNoteSchema,
} from "@/lib/domain/sessions/schemas";
import type { RouteSpec } from "../registry";
import {
  districtEffectivenessSchema,
  effectivenessSchema,
  noteHistorySchema,
  noteListSchema,
  noteSchema,
  studentProgressSchema,
} from "../schemas/progress";
import { GROUP_TEAM, WHO_SEES_GROUP } from "./audiences";

const ADMINS = "District admins.";

/** The Progress routes of the HTTP API (lib/api/routes/index.ts lists them all). */
export const progressRoutes: RouteSpec[] = [
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
    path: "/reports/district-effectiveness",
    operationId: "getDistrictEffectiveness",
    tag: "Progress",
    summary: "Effectiveness of every active group (district view)",
    description:
      "Every active group of the district with fidelity, students progressing, projected end average against the goal, cost per student and per point of gain (dollars, by each group's budget rules over its sessions held), narrowed by school, focus area or facilitator and sorted as asked; the page /reports/district. `format=csv` answers the same rows as `text/csv` (the page's export).",
    access: ADMINS,
    query: districtApiQuerySchema,
    responses: { 200: { description: "The rows.", schema: districtEffectivenessSchema } },
    errors: [400, 401, 403],
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
];
