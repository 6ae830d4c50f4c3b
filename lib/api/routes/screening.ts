import { atRiskApiQuerySchema } from "@/lib/domain/reports/at-risk";
import type { RouteSpec } from "../registry";
import { assessmentListSchema, atRiskReportSchema } from "../schemas/screening";
import { MANAGERS } from "./audiences";

/** The Screening routes of the HTTP API (lib/api/routes/index.ts lists them all). */
export const screeningRoutes: RouteSpec[] = [
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
];
