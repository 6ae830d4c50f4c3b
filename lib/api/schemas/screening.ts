import { z } from "zod";
import { WEEKDAYS } from "@/lib/domain/calendar/dates";
import { TIER_DECISIONS } from "@/lib/domain/tiers/decision";
import { tierSchema } from "@/lib/domain/tiers/tier";
import type { AssessmentDto } from "@/lib/use-cases/assessments/list-assessments";
import type { AtRiskReport } from "@/lib/use-cases/reports/at-risk-report";
import type { studentInterventionHistory } from "@/lib/use-cases/students/student-intervention-history";
import { describes, named } from "../registry";
import { localDate, uuid } from "./common";

const window = z.enum(["fall", "winter", "spring"]);
const tier = tierSchema;

export const assessmentSchema = named(
  "Assessment",
  "A screening instrument of the district, with the cut scores that map a score to a recommended tier (the most specific entry applies: grade and window, then window, then any; without one, 50 / 30 on a 0–100 scale).",
  describes<AssessmentDto>()(
    z.object({
      id: uuid,
      name: z.string(),
      subject: z.string(),
      scaleMin: z.number(),
      scaleMax: z.number(),
      cutScores: z.array(
        z.object({
          window: window.nullable().optional(),
          grade: z.string().nullable().optional().describe('"0" is kindergarten.'),
          tier1Min: z.number(),
          tier2Min: z.number(),
        }),
      ),
    }),
  ),
);

export const assessmentListSchema = named(
  "AssessmentList",
  "The district's assessment catalogue.",
  z.object({ items: z.array(assessmentSchema) }),
);

export const atRiskStudentSchema = named(
  "AtRiskStudent",
  "A student below the Tier 1 cut, with the tier the score recommends and what they already receive.",
  z.object({
    studentId: uuid,
    firstName: z.string(),
    lastName: z.string(),
    localId: z.string(),
    grade: z.number().int().min(0).max(12),
    schoolId: uuid,
    schoolName: z.string(),
    score: z.number(),
    percentile: z.number().int().nullable(),
    administeredOn: localDate,
    tier1Cut: z.number(),
    recommendedTier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    currentTier: tier,
    interventions: z.array(z.object({ id: uuid, name: z.string(), tier })),
    teachers: z.array(z.string()),
  }),
);

export const atRiskReportSchema = named(
  "AtRiskReport",
  "Scenario 2's report for one assessment and window, one page of students at a time.",
  describes<
    Omit<AtRiskReport, "rows" | "total"> & { count: number; students: AtRiskReport["rows"] }
  >()(
    z.object({
      assessment: z.object({ id: uuid, name: z.string(), subject: z.string() }),
      window,
      schoolYear: z.string().describe('e.g. "2026-27".'),
      schoolYears: z
        .array(z.string())
        .describe("Years with results for this assessment and window, latest first."),
      count: z.number().int().describe("Students below the cut on every page."),
      page: z.number().int().describe("The page shown; a page past the last shows the last."),
      pageSize: z.number().int().describe("Students on a full page."),
      students: z.array(atRiskStudentSchema).describe("This page's students, in order."),
    }),
  ),
);

export const studentInterventionHistorySchema = named(
  "StudentInterventionHistory",
  "A student's interventions, current and past, and tier timeline.",
  describes<Awaited<ReturnType<typeof studentInterventionHistory>>>()(
    z.object({
      studentId: uuid,
      currentTier: tier,
      interventions: z.array(
        z.object({
          enrollmentId: uuid,
          interventionId: uuid,
          name: z.string(),
          tier,
          focusArea: z.string(),
          status: z.string(),
          current: z.boolean(),
          schedule: z.object({
            days: z.array(z.enum(WEEKDAYS)),
            startTime: z.string(),
            minutes: z.number().int(),
          }),
          startDate: localDate,
          endDate: localDate,
          enrollmentDate: localDate,
          exitDate: localDate.nullable(),
          exitReason: z.string().nullable(),
          optedOutAt: z
            .string()
            .nullable()
            .describe("When a guardian opted the student out (RFC 3339)."),
          attendanceRate: z.number().nullable(),
        }),
      ),
      tierHistory: z.array(
        z.object({
          id: uuid,
          date: localDate,
          fromTier: z.number().int().nullable(),
          toTier: tier,
          decision: z.enum(TIER_DECISIONS),
          justification: z.string().describe("Why the team decided it."),
          team: z
            .array(z.object({ staffId: uuid.nullish(), name: z.string(), role: z.string() }))
            .describe("Who decided, with their role."),
          lowFidelityReason: z
            .string()
            .nullable()
            .describe("Why the team moved up although fidelity was below 80 %."),
          interventionId: uuid.nullable(),
          interventionName: z.string().nullable(),
          decidedByName: z.string().nullable(),
          snapshotUrl: z
            .string()
            .nullable()
            .describe(
              "The page with the data the decision rests on, as it was when taken; null for a family.",
            ),
        }),
      ),
    }),
  ),
);
