import { z } from "zod";
import { BUDGET_INGREDIENTS, type Budget } from "@/lib/domain/scheduling/budget";
import { COST_MODELS, RESOURCE_KINDS } from "@/lib/domain/scheduling/kinds";
import type { RoomDto } from "@/lib/use-cases/resources/list-rooms";
import type { ResourceDto } from "@/lib/use-cases/resources/resource-dto";
import type { UtilizationReport } from "@/lib/use-cases/resources/resource-utilization";
import { describes, named } from "../registry";
import { instant, localDate, uuid } from "./common";

const cents = z.number().int().min(0);

export const resourceSchema = named(
  "Resource",
  "An item of the district's catalogue (Scenario 9): curriculum, material or equipment, with how many can be in use at once and its cost. Money in whole cents; which cost fields are set depends on `costModel` (the others are null).",
  z.object({
    id: uuid,
    kind: z.enum(RESOURCE_KINDS),
    name: z.string(),
    description: z.string().nullable(),
    quantity: z.number().int().describe("Units in the pool: how many can be in use at once."),
    location: z.string().nullable(),
    schoolId: uuid.nullable().describe("The school that holds it; null for a district-wide pool."),
    schoolName: z.string().nullable(),
    costModel: z.enum(COST_MODELS),
    purchaseCents: cents.nullable().describe("`purchase`: the price of one unit."),
    usefulLifeYears: z
      .number()
      .int()
      .nullable()
      .describe("`purchase`: years it is amortised over."),
    licenceCentsPerStudentYear: cents
      .nullable()
      .describe("`licence`: per student per school year."),
    perUseCents: cents.nullable().describe("`consumable`: per unit per session."),
    retiredAt: instant.nullable().describe("Set when retired: no longer offered to new groups."),
    createdAt: instant,
  }) satisfies z.ZodType<ResourceDto>,
);

export const resourceListSchema = named(
  "ResourceList",
  "The district's catalogue, by kind and name.",
  z.object({ items: z.array(resourceSchema) }),
);

export const roomListSchema = named(
  "RoomList",
  "The district's rooms, by school and name.",
  z.object({
    items: z.array(
      z.object({
        id: uuid,
        name: z.string(),
        capacity: z.number().int().nullable().describe("Seats, when known."),
        schoolId: uuid,
        schoolName: z.string(),
      }) satisfies z.ZodType<RoomDto>,
    ),
  }),
);

export const budgetSchema = named(
  "Budget",
  "Budget impact by the ingredients method (docs/domain.md, \"Budget impact\"): staff hours × the district's loaded hourly cost of each facilitator's role, licences × students × the share of the 36-week school year, consumables × uses, equipment amortised over its useful life × the share of a unit's 1,080 school hours the sessions take. Whole cents; each line rounded once (half up), the total is their sum.",
  z.object({
    totalCents: cents,
    perStudentCents: cents
      .nullable()
      .describe("Total ÷ students actively enrolled; null with none."),
    perSessionCents: cents.nullable().describe("Total ÷ sessions not cancelled; null with none."),
    students: z.number().int(),
    sessions: z.number().int().describe("Sessions not cancelled (held and still to come)."),
    staffHours: z.number().describe("Facilitator hours, 2 decimals."),
    lines: z.array(
      z.object({
        ingredient: z.enum(BUDGET_INGREDIENTS),
        name: z.string().describe("The person or the resource."),
        cents,
        detail: z.string().describe("How the figure was reached, in words."),
      }),
    ),
  }) satisfies z.ZodType<Budget>,
);

const utilizationRowSchema = z.object({
  id: uuid,
  kind: z.enum(["room", ...RESOURCE_KINDS]),
  name: z.string(),
  schoolId: uuid.nullable(),
  schoolName: z.string().describe('"District-wide" for a pool no school holds.'),
  units: z.number().int().describe("Units in the pool; 1 for a room."),
  hoursBooked: z.number(),
  hoursAvailable: z.number().describe("Units × 6 hours × instructional days in the period."),
  utilization: z.number().nullable().describe("Booked ÷ available, 4 decimals."),
  averageWeeklyHoursBooked: z.number(),
  averageWeeklyHoursAvailable: z.number(),
  peakUnits: z.number().int().describe("Most units in use at the same moment."),
  peakAt: z.number().nullable().describe("When the peak was first reached (epoch ms)."),
  idle: z.boolean().describe("No booking at all in the period."),
  weeks: z.array(
    z.object({ weekStart: localDate, hoursBooked: z.number(), hoursAvailable: z.number() }),
  ),
});

export const utilizationReportSchema = named(
  "ResourceUtilization",
  'Hours booked against hours available per room and resource and per week (docs/domain.md, "Resource utilization").',
  describes<UtilizationReport>()(
    z.object({
      from: localDate,
      to: localDate,
      schoolId: uuid.nullable(),
      instructionalDays: z.number().int(),
      schools: z.array(z.object({ id: uuid, name: z.string() })),
      rows: z.array(utilizationRowSchema),
    }),
  ),
);
