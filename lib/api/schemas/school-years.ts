import { z } from "zod";
import type { RolloverResult } from "@/lib/use-cases/school-years/close-school-year";
import type {
  SchoolYearDto,
  SchoolYearsView,
} from "@/lib/use-cases/school-years/list-school-years";
import { named } from "../registry";
import { instant, localDate, uuid } from "./common";

export const schoolYearSchema = named(
  "SchoolYear",
  "A school year of the district: its first and last days of instruction. The days between one year's last day and the next one's first are out of school: series skip them like holidays.",
  z.object({
    id: uuid,
    label: z.string().describe('Named by the August it starts in: "2026-27".'),
    firstDay: localDate,
    lastDay: localDate,
    status: z.enum(["open", "closed"]),
    closedAt: instant.nullable().describe("When the year-end rollover closed it."),
  }) satisfies z.ZodType<SchoolYearDto>,
);

export const schoolYearsViewSchema = named(
  "SchoolYears",
  "The district's school years, earliest first, and the year-end rollover of the earliest open one: the groups still meeting after its last day (each to continue or end when it closes) and how many students' tiers carry over.",
  z.object({
    today: localDate,
    items: z.array(schoolYearSchema),
    reportingPeriods: z
      .array(
        z.object({
          id: uuid,
          schoolYearId: uuid,
          name: z.string(),
          endsOn: localDate,
          summaries: z.number().int().describe("Progress summaries written for it."),
        }),
      )
      .describe(
        "The reporting calendar: each year's periods by their last day; families' progress summaries go out after each ends.",
      ),
    suggestedNext: z
      .object({ label: z.string(), firstDay: localDate, lastDay: localDate })
      .nullable()
      .describe("A first guess for the year after the latest: the same weekdays 52 weeks on."),
    rollover: z
      .object({
        year: schoolYearSchema,
        next: schoolYearSchema.nullable().describe("Null until the following year is entered."),
        groups: z.array(
          z.object({
            id: uuid,
            name: z.string(),
            tier: z.number().int(),
            endDate: localDate,
            sessionsAfter: z.number().int().describe("Sessions scheduled after the last day."),
            facilitatorName: z.string().nullable(),
          }),
        ),
        tieredStudents: z
          .number()
          .int()
          .describe("Students in Tier 2 or 3, whose tiers carry over."),
      })
      .nullable(),
  }) satisfies z.ZodType<SchoolYearsView>,
);

export const rolloverResultSchema = named(
  "RolloverResult",
  "What closing the year did: groups continued into the next year and ended on the last day, and the tiers carried over (one `carry-over` decision each).",
  z.object({
    year: schoolYearSchema,
    next: schoolYearSchema,
    continued: z.number().int(),
    ended: z.number().int(),
    tiersCarriedOver: z.number().int(),
  }) satisfies z.ZodType<RolloverResult>,
);
