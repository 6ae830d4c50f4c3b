import { z } from "../zod";
import {
  createInterventionSchema,
  INTERVENTION_STATUSES,
  resourceNeedsSchema,
  scheduleOverrideSchema,
} from "./schemas";

const fields = createInterventionSchema.shape;

/**
 * `PUT /interventions/{id}`: the fields present are replaced, the others kept. A new schedule,
 * start date or duration plans the sessions still to come again; held ones never move
 * (lib/domain/schedule/replan.ts). Schedule, room, facilitator and resource changes are checked
 * for conflicts like a create. `version` (or `If-Match`) guards against overwriting a change the
 * caller has not seen.
 */
export const updateInterventionSchema = z
  .object({
    version: z.coerce.number().int().min(1).optional(),
    name: fields.name.optional(),
    focusArea: fields.focusArea.optional(),
    description: z.string().trim().max(2000, "2000 characters at most.").nullable().optional(),
    goal: z.string().trim().max(500, "500 characters at most.").nullable().optional(),
    status: z.enum(INTERVENTION_STATUSES).optional(),
    facilitatorIds: fields.facilitatorIds.optional(),
    roomId: z.uuid("Pick a room from the list.").nullable().optional(),
    startDate: fields.startDate.optional(),
    durationWeeks: fields.durationWeeks.optional(),
    schedule: fields.schedule.optional(),
    resources: resourceNeedsSchema.optional(),
    /** Saving over soft conflicts where the district allows it; not a change by itself. */
    override: scheduleOverrideSchema.optional(),
    /** The progress-monitoring measure; `null` removes it. */
    measure: z
      .object({
        name: z.string().trim().min(1, "Name the measure.").max(100),
        unit: z.string().trim().max(40).nullable().optional(),
        direction: z.enum(["higher", "lower"]).default("higher"),
      })
      .nullable()
      .optional(),
    goalValue: z.number().finite().nullable().optional(),
    proficiencyTarget: z.number().finite().nullable().optional(),
    /** Why; kept in the audit trail. Required to cancel an intervention. */
    reason: z.string().trim().min(1).max(1000, "1000 characters at most.").optional(),
  })
  .refine(
    (input) =>
      Object.entries(input).some(
        ([key, value]) => !["version", "reason", "override"].includes(key) && value !== undefined,
      ),
    { message: "Send at least one field to change.", path: ["(body)"] },
  );

export type UpdateInterventionInput = z.output<typeof updateInterventionSchema>;
