import { defineRoutes } from "../registry";
import { eventsRoutes } from "./events";
import { exitsRoutes } from "./exits";
import { familiesRoutes } from "./families";
import { interventionsRoutes } from "./interventions";
import { metaRoutes } from "./meta";
import { peopleRoutes } from "./people";
import { progressRoutes } from "./progress";
import { referralsRoutes } from "./referrals";
import { resourcesRoutes } from "./resources";
import { schedulingRoutes } from "./scheduling";
import { schoolYearsRoutes } from "./school-years";
import { screeningRoutes } from "./screening";
import { sessionsRoutes } from "./sessions";
import { templatesRoutes } from "./templates";

/**
 * Every route under /api/v1, declared once, a file per tag. The OpenAPI document
 * (`GET /api/v1/openapi.json`) and the reference page (/api-docs) are generated from this list,
 * with the zod schemas the handlers validate with; the contract test (e2e/api-contract.spec.ts)
 * calls each one.
 */
export const API_ROUTES = defineRoutes([
  ...interventionsRoutes,
  ...templatesRoutes,
  ...sessionsRoutes,
  ...progressRoutes,
  ...exitsRoutes,
  ...peopleRoutes,
  ...referralsRoutes,
  ...familiesRoutes,
  ...screeningRoutes,
  ...resourcesRoutes,
  ...schedulingRoutes,
  ...schoolYearsRoutes,
  ...eventsRoutes,
  ...metaRoutes,
]);
