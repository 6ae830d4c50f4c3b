import { peopleQuerySchema } from "@/lib/domain/interventions/schemas";
import { changeTierSchema } from "@/lib/domain/tiers/schemas";
import type { RouteSpec } from "../registry";
import { staffListSchema, studentListSchema, tierChangeSchema } from "../schemas/people";
import { studentInterventionHistorySchema } from "../schemas/screening";
import { MANAGERS, STAFF } from "./audiences";

/** The People routes of the HTTP API (lib/api/routes/index.ts lists them all). */
export const peopleRoutes: RouteSpec[] = [
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
    path: "/students/{id}/interventions",
    operationId: "getStudentInterventions",
    tag: "People",
    summary: "A student's intervention and tier history",
    description:
      "Every enrollment, current and past, with schedule, exit and opt-out, and attendance rate; and the tier timeline: each decision's kind, justification, team and `snapshotUrl` (the data it rests on; not given to a family).",
    access:
      "Specialists and admins; teachers of the student; facilitators of their groups; their family.",
    pathParams: { id: "The student." },
    responses: { 200: { description: "The history.", schema: studentInterventionHistorySchema } },
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/students/{id}/tier",
    operationId: "changeTier",
    tag: "People",
    summary: "Change a student's tier",
    description:
      "Records the decision with its justification (`reason`, required), its `team` and kind in the tier timeline and the audit trail. The server keeps a snapshot of the data of the intervention named (`interventionId`): the student's scores, the decision rule's verdict, attendance and fidelity; the response's `snapshotUrl` shows it. Moving up while that intervention's fidelity is below 80 % needs `lowFidelityReason` (422 with a field error otherwise). Each guardian is sent a tier-change letter in their language. Moving up publishes `TierEscalatedEvent`.",
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
];
