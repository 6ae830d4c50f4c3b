import { ASSESSMENT_WINDOWS } from "@/db/schema/assessments";
import { localDateSchema } from "@/lib/domain/interventions/schemas";
import { z } from "@/lib/domain/zod";

/**
 * The events this service consumes from the district's other services, as they arrive on NATS:
 * a CloudEvents 1.0 JSON envelope (structured mode) on the subject
 * `<prefix>.<area>.<district id>.<event type>`, e.g.
 * `northstar.students.6f1c…-….StudentEnrolledEvent`. The district comes from the subject; the
 * envelope's `id` is what makes a redelivery idempotent. People and schools are referred to by
 * the ids the district's SIS gives them (`sourceId`), never by ours.
 */
export const inboundEnvelopeSchema = z.object({
  specversion: z.literal("1.0"),
  id: z.string().min(1).max(200),
  source: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  time: z.iso.datetime({ offset: true }).optional(),
  subject: z.string().max(300).optional(),
  datacontenttype: z.string().optional(),
  data: z.unknown(),
});

const sourceId = z.string().trim().min(1).max(120);
const name = z.string().trim().min(1).max(100);

/** A school by its SIS id or by its school code (at least one). */
export const schoolReferenceSchema = z
  .object({ sourceId: sourceId.optional(), code: z.string().trim().min(1).max(40).optional() })
  .refine((school) => school.sourceId || school.code, "Give the school's sourceId or code.");

/** Roster: a student enrolled in (or withdrawn from) a school of the district. */
export const studentEnrolledDataSchema = z.object({
  sourceId,
  localId: z.string().trim().min(1).max(40),
  firstName: name,
  lastName: name,
  grade: z.number().int().min(0).max(12),
  birthDate: localDateSchema.nullish(),
  school: schoolReferenceSchema,
  status: z.enum(["enrolled", "withdrawn"]).default("enrolled"),
});

/** A screening or benchmark score; one per student, assessment, school year and window. */
export const assessmentResultRecordedDataSchema = z.object({
  studentSourceId: sourceId,
  /** The district's assessment of this name (case-insensitive), e.g. "Reading Benchmark". */
  assessmentName: z.string().trim().min(1).max(200),
  schoolYear: z.string().regex(/^\d{4}-\d{2}$/, "e.g. 2026-27"),
  window: z.enum(ASSESSMENT_WINDOWS),
  administeredOn: localDateSchema,
  score: z.number().finite(),
  percentile: z.number().int().min(0).max(100).nullish(),
});

/** A staff member's details and availability (`active: false` = no longer available). */
export const staffUpdatedDataSchema = z.object({
  sourceId,
  firstName: name,
  lastName: name,
  displayName: z.string().trim().min(1).max(120).optional(),
  email: z.email().max(254).nullish(),
  phone: z.string().trim().max(40).nullish(),
  title: z.string().trim().max(120).nullish(),
  school: schoolReferenceSchema.nullish(),
  active: z.boolean(),
});

export type StudentEnrolledData = z.output<typeof studentEnrolledDataSchema>;
export type AssessmentResultRecordedData = z.output<typeof assessmentResultRecordedDataSchema>;
export type StaffUpdatedData = z.output<typeof staffUpdatedDataSchema>;
