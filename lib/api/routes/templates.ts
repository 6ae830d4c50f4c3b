import {
  createTemplateSchema,
  templateListQuerySchema,
  updateTemplateSchema,
} from "@/lib/domain/templates/schemas";
import type { RouteSpec } from "../registry";
import { templateListSchema, templateSchema, templateStatsSchema } from "../schemas/templates";
import { MANAGERS } from "./audiences";

/** The Templates routes of the HTTP API (lib/api/routes/index.ts lists them all). */
export const templatesRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/templates",
    operationId: "listTemplates",
    tag: "Templates",
    summary: "List templates",
    description:
      "The templates the caller may start a group from: the district's and their own personal ones. A district admin may ask for the specialists' personal templates instead (`owner=specialists`), to share one with the district (`shareWithDistrict` on update); anyone else is refused that list (403).",
    access: MANAGERS,
    query: templateListQuerySchema,
    responses: { 200: { description: "The templates.", schema: templateListSchema } },
    errors: [401, 403],
  },
  {
    method: "post",
    path: "/templates",
    operationId: "createTemplate",
    tag: "Templates",
    summary: "Create a template",
    description:
      "A district admin's template is shared with the district; a specialist's is personal until an admin shares it (`shareWithDistrict` on update).",
    access: MANAGERS,
    body: createTemplateSchema,
    responses: {
      201: {
        description: "Created.",
        schema: templateSchema,
        headers: { Location: "The new template's URL." },
      },
    },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/templates/{id}",
    operationId: "getTemplate",
    tag: "Templates",
    summary: "Get a template",
    description: "Another specialist's personal template, like another district's, is not found.",
    access: MANAGERS,
    pathParams: { id: "The template." },
    responses: {
      200: {
        description: "The template.",
        schema: templateSchema,
        headers: { ETag: 'The version, e.g. "3"; send it back as If-Match to update.' },
      },
    },
    errors: [401, 403, 404],
  },
  {
    method: "put",
    path: "/templates/{id}",
    operationId: "updateTemplate",
    tag: "Templates",
    summary: "Update a template",
    description:
      "Its owner or a district admin. The fields present are replaced, the others kept; send the version you read (`If-Match` or `version`), a stale one answers 409.",
    access: MANAGERS,
    pathParams: { id: "The template." },
    body: updateTemplateSchema,
    ifMatch: true,
    responses: {
      200: {
        description: "The updated template.",
        schema: templateSchema,
        headers: { ETag: "The new version." },
      },
    },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "get",
    path: "/templates/{id}/stats",
    operationId: "getTemplateStats",
    tag: "Templates",
    summary: "A template's record",
    description:
      "Groups run, students served, share responding, median weekly growth against the measure's typical growth, Hedges' g with its 95 % interval (from 5 students), exit rate (not recorded yet: null), staff hours per student and per point of gain, and the template's place in the \"most effective\" order (only from the district's minimum of students served). Seen as the template is: another specialist's personal template, or another district's, is not found.",
    access: MANAGERS,
    pathParams: { id: "The template." },
    responses: { 200: { description: "The record.", schema: templateStatsSchema } },
    errors: [401, 403, 404],
  },
];
