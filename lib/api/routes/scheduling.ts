import { scheduleCheckRequestSchema } from "@/lib/domain/interventions/schemas";
import type { RouteSpec } from "../registry";
import { scheduleCheckResultSchema } from "../schemas/scheduling";
import { MANAGERS } from "./audiences";

/** The Scheduling routes of the HTTP API (lib/api/routes/index.ts lists them all). */
export const schedulingRoutes: RouteSpec[] = [
  {
    method: "post",
    path: "/schedule/check",
    operationId: "checkSchedule",
    tag: "Scheduling",
    summary: "Check a schedule for conflicts",
    description:
      "Takes the body of `POST /interventions` (name, tier and focus area may be left out), plus `interventionId` when an existing group is being edited, and answers with every conflict of the plan's sessions: rooms, facilitators and resources already booked, facilitators outside their hours or away, caseload caps, students in a core class, a protected block or another group, a room too small. Days without school hold no conflicts. Writes nothing.",
    access: MANAGERS,
    body: scheduleCheckRequestSchema,
    responses: {
      200: { description: "The conflicts and alternatives.", schema: scheduleCheckResultSchema },
    },
    errors: [400, 401, 403, 404],
  },
];
