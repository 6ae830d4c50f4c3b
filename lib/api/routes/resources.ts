import {
  createResourceSchema,
  listResourcesQuerySchema,
  updateResourceSchema,
} from "@/lib/domain/scheduling/resource-schemas";
import { utilizationApiQuerySchema } from "@/lib/domain/scheduling/utilization";
import { z } from "@/lib/domain/zod";
import type { RouteSpec } from "../registry";
import {
  resourceListSchema,
  resourceSchema,
  roomListSchema,
  utilizationReportSchema,
} from "../schemas/resources";
import { MANAGERS } from "./audiences";

const ADMINS = "District admins.";

/** The Resources routes of the HTTP API (Scenario 9; lib/api/routes/index.ts lists them all). */
export const resourcesRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/resources",
    operationId: "listResources",
    tag: "Resources",
    summary: "List the resource catalogue",
    description:
      "Curriculum, materials and equipment with quantity, location and cost. Retired ones only with `includeRetired=true`.",
    access: MANAGERS,
    query: listResourcesQuerySchema,
    responses: { 200: { description: "The catalogue.", schema: resourceListSchema } },
    errors: [400, 401, 403],
  },
  {
    method: "post",
    path: "/resources",
    operationId: "createResource",
    tag: "Resources",
    summary: "Add a resource",
    description:
      "The cost fields of the chosen `costModel` are required (`purchase`: `purchaseCents` and `usefulLifeYears`; `licence`: `licenceCentsPerStudentYear`; `consumable`: `perUseCents`); the others are cleared.",
    access: ADMINS,
    body: createResourceSchema,
    responses: {
      201: {
        description: "Created.",
        schema: resourceSchema,
        headers: { Location: "The new resource's URL." },
      },
    },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/resources/{id}",
    operationId: "getResource",
    tag: "Resources",
    summary: "Get a resource",
    access: MANAGERS,
    pathParams: { id: "The resource." },
    responses: { 200: { description: "The resource.", schema: resourceSchema } },
    errors: [401, 403, 404],
  },
  {
    method: "put",
    path: "/resources/{id}",
    operationId: "updateResource",
    tag: "Resources",
    summary: "Change a resource",
    description:
      "The fields present are replaced, the others kept; the result must still carry its cost model's fields. A `quantity` below the units that sessions still to come hold at once is 409.",
    access: ADMINS,
    pathParams: { id: "The resource." },
    body: updateResourceSchema,
    responses: { 200: { description: "The changed resource.", schema: resourceSchema } },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "delete",
    path: "/resources/{id}",
    operationId: "retireResource",
    tag: "Resources",
    summary: "Retire a resource",
    description:
      "Stamps `retiredAt`: it leaves the catalogue and the utilization report; groups that already need it keep it.",
    access: ADMINS,
    pathParams: { id: "The resource." },
    responses: { 200: { description: "The retired resource.", schema: resourceSchema } },
    errors: [401, 403, 404],
  },
  {
    method: "get",
    path: "/rooms",
    operationId: "listRooms",
    tag: "Resources",
    summary: "List rooms",
    description:
      "The district's rooms with their school and capacity; `schoolId` narrows to one school.",
    access: MANAGERS,
    query: z.object({ schoolId: z.uuid().optional() }),
    responses: { 200: { description: "The rooms.", schema: roomListSchema } },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/reports/resource-utilization",
    operationId: "getResourceUtilization",
    tag: "Resources",
    summary: "Resource utilization",
    description:
      "Per room and resource: hours booked against hours available (6 per unit per instructional day), per week, peak units in use, idle ones. `from`/`to` are district-calendar dates, both included (default: this week's Monday and four weeks); at most 371 days. `format=csv` (or `Accept: text/csv`) answers a spreadsheet of the same rows.",
    access: ADMINS,
    query: utilizationApiQuerySchema,
    responses: { 200: { description: "The report.", schema: utilizationReportSchema } },
    errors: [400, 401, 403, 404],
  },
];
