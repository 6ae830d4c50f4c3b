import { z } from "zod";
import {
  createInterventionSchema,
  enrollStudentsSchema,
  listInterventionsQuerySchema,
  peopleQuerySchema,
} from "@/lib/domain/interventions/schemas";
import { updateInterventionSchema } from "@/lib/domain/interventions/update-schema";
import { changeTierSchema } from "@/lib/domain/tiers/schemas";
import { defineRoutes } from "./registry";
import { eventFeedPageSchema, eventsFeedQuerySchema } from "./schemas/events";
import {
  enrollmentResultSchema,
  interventionPageSchema,
  interventionSchema,
} from "./schemas/interventions";
import { staffListSchema, studentListSchema, tierChangeSchema } from "./schemas/people";

const MANAGERS = "Intervention specialists and district admins.";
const STAFF = "Staff (specialists, facilitators, teachers, admins).";
const ANYONE_SIGNED_IN = "Anyone signed in; each sees what their role and relations allow.";

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
    body: createInterventionSchema,
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
