import { z } from "zod";
import type { StaffSummary, StudentSummary } from "@/db/queries/people";
import { TIER_DECISIONS } from "@/lib/domain/tiers/decision";
import { tierSchema } from "@/lib/domain/tiers/tier";
import type { TierChangeDto } from "@/lib/use-cases/tiers/change-tier";
import { named } from "../registry";
import { instant, localDate, offsetPage, uuid } from "./common";

export const studentSummarySchema = named(
  "StudentSummary",
  "A student, as pickers and integrations see one.",
  z.object({
    id: uuid,
    localId: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    grade: z.number().int().min(0).max(12),
    schoolId: uuid,
    schoolName: z.string(),
    currentTier: tierSchema,
  }) satisfies z.ZodType<StudentSummary>,
);

export const staffSummarySchema = named(
  "StaffSummary",
  "A staff member of the district.",
  z.object({
    id: uuid,
    displayName: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    title: z.string().nullable(),
    email: z.string().nullable(),
    schoolId: uuid.nullable(),
  }) satisfies z.ZodType<StaffSummary>,
);

export const studentListSchema = named(
  "StudentList",
  "A page of students.",
  offsetPage(studentSummarySchema),
);
export const staffListSchema = named(
  "StaffList",
  "A page of staff.",
  offsetPage(staffSummarySchema),
);

export const tierChangeSchema = named(
  "TierChange",
  "One change of a student's tier, with its justification, its team and the snapshot of the data it rests on (taken by the server).",
  z.object({
    id: uuid,
    studentId: uuid,
    fromTier: z.number().int().nullable(),
    toTier: tierSchema,
    decision: z.enum(TIER_DECISIONS),
    decidedOn: localDate,
    reason: z.string(),
    interventionId: uuid.nullable(),
    decidedBy: uuid.nullable(),
    team: z
      .array(z.object({ staffId: uuid.nullish(), name: z.string(), role: z.string() }))
      .describe("Who decided, with their role."),
    lowFidelityReason: z
      .string()
      .nullable()
      .describe("Why the team moved up although fidelity was below 80 %."),
    fidelity: z
      .number()
      .nullable()
      .describe("The intervention's fidelity (0–1) when the decision was taken; null unknown."),
    lettersQueued: z.number().int().describe("Letters to the family queued with the decision."),
    snapshotUrl: z
      .string()
      .describe("The page showing the decision with the data it rests on, as it was."),
    createdAt: instant,
  }) satisfies z.ZodType<TierChangeDto>,
);
