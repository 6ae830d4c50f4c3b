import { z } from "zod";
import { WEEKDAYS } from "@/lib/domain/calendar/dates";
import { CONFLICT_KINDS } from "@/lib/domain/scheduling/conflicts";
import type { PlanCheck } from "@/lib/use-cases/scheduling/plan-conflicts";
import { describes, named } from "../registry";
import { uuid } from "./common";

const clock = z.string().describe('Local wall-clock time in the district, "HH:MM".');

export const conflictSchema = named(
  "ScheduleConflict",
  "One thing a planned session collides with. `room_booked`, `facilitator_booked` and `resource_at_capacity` are double bookings and can never be overridden; the others can, where the district allows it. `date` and the times are null for a conflict of the plan as a whole (a caseload cap, a room too small).",
  z.object({
    kind: z.enum(CONFLICT_KINDS),
    date: z.string().nullable(),
    startTime: clock.nullable(),
    endTime: clock.nullable(),
    with: z.object({
      type: z.enum(["room", "staff", "student", "resource"]),
      id: uuid,
      name: z.string(),
    }),
    message: z.string(),
  }),
);

export const scheduleCheckResultSchema = named(
  "ScheduleCheck",
  "The conflicts a plan would meet if saved now, and up to five nearest conflict-free ways to hold it instead (another time the same days, other weekdays, another room). The same `conflicts` and `alternatives` come in the 409 problem document of a create or update that collides.",
  describes<PlanCheck>()(
    z.object({
      conflicts: z.array(conflictSchema),
      alternatives: z.array(
        z.object({
          days: z.array(z.enum(WEEKDAYS)),
          startTime: clock,
          roomId: uuid.nullable(),
          roomName: z.string().nullable(),
          change: z.enum(["time", "days", "room"]),
        }),
      ),
      overrideAllowed: z
        .boolean()
        .describe(
          "Whether this district lets the plan be saved over its conflicts with `override: { reason }`.",
        ),
    }),
  ),
);
