import type { z } from "zod";
import type { Tx } from "@/db/client";
import {
  assessmentIdByName,
  schoolIdByReference,
  studentIdBySourceId,
  upsertAssessmentResult,
  upsertRosterStudent,
  upsertStaffMember,
} from "@/db/queries/events/inbox";
import { fieldErrorsFromZod } from "@/lib/domain/errors/from-zod";
import {
  assessmentResultRecordedDataSchema,
  staffUpdatedDataSchema,
  studentEnrolledDataSchema,
} from "./schemas";

/**
 * A reference to something the district does not have (yet): retried, because the roster may
 * arrive after the score that needs it, and parked when it never does.
 */
export class UnresolvedReferenceError extends Error {}

export type ParsedEvent =
  | { ok: true; apply: (tx: Tx, tenantId: string) => Promise<void> }
  | { ok: false; reason: string };

export interface InboundHandler {
  /** The CloudEvent `type`, also the last token of the subject. */
  type: string;
  /** The subject's area: `<prefix>.<area>.<district id>.<type>`. */
  area: string;
  /** Suffix of the durable consumer's name. */
  durable: string;
  parse: (data: unknown) => ParsedEvent;
}

function defineHandler<S extends z.ZodType>(definition: {
  type: string;
  area: string;
  durable: string;
  schema: S;
  apply: (tx: Tx, tenantId: string, data: z.output<S>) => Promise<void>;
}): InboundHandler {
  return {
    type: definition.type,
    area: definition.area,
    durable: definition.durable,
    parse(raw) {
      const parsed = definition.schema.safeParse(raw);
      if (!parsed.success) {
        const problems = fieldErrorsFromZod(parsed.error).map(
          (e) => `data.${e.path}: ${e.message}`,
        );
        return { ok: false, reason: `Invalid ${definition.type} data: ${problems.join("; ")}` };
      }
      return { ok: true, apply: (tx, tenantId) => definition.apply(tx, tenantId, parsed.data) };
    },
  };
}

async function requireSchool(
  tx: Tx,
  tenantId: string,
  reference: { sourceId?: string; code?: string },
): Promise<string> {
  const id = await schoolIdByReference(tx, tenantId, reference);
  if (!id) throw new UnresolvedReferenceError(`Unknown school ${JSON.stringify(reference)}`);
  return id;
}

export const studentEnrolledHandler = defineHandler({
  type: "StudentEnrolledEvent",
  area: "students",
  durable: "roster",
  schema: studentEnrolledDataSchema,
  async apply(tx, tenantId, data) {
    await upsertRosterStudent(tx, tenantId, {
      sourceId: data.sourceId,
      localId: data.localId,
      firstName: data.firstName,
      lastName: data.lastName,
      grade: data.grade,
      birthDate: data.birthDate,
      schoolId: await requireSchool(tx, tenantId, data.school),
      active: data.status === "enrolled",
    });
  },
});

export const assessmentResultRecordedHandler = defineHandler({
  type: "AssessmentResultRecordedEvent",
  area: "assessments",
  durable: "assessment-results",
  schema: assessmentResultRecordedDataSchema,
  async apply(tx, tenantId, data) {
    const studentId = await studentIdBySourceId(tx, tenantId, data.studentSourceId);
    if (!studentId) throw new UnresolvedReferenceError(`Unknown student ${data.studentSourceId}`);
    const assessmentId = await assessmentIdByName(tx, tenantId, data.assessmentName);
    if (!assessmentId) {
      throw new UnresolvedReferenceError(`Unknown assessment "${data.assessmentName}"`);
    }
    await upsertAssessmentResult(tx, {
      tenantId,
      assessmentId,
      studentId,
      schoolYear: data.schoolYear,
      window: data.window,
      administeredOn: data.administeredOn,
      score: data.score,
      percentile: data.percentile ?? null,
    });
  },
});

export const staffUpdatedHandler = defineHandler({
  type: "StaffUpdatedEvent",
  area: "staff",
  durable: "staff",
  schema: staffUpdatedDataSchema,
  async apply(tx, tenantId, data) {
    await upsertStaffMember(tx, tenantId, data.sourceId, {
      schoolId: data.school ? await requireSchool(tx, tenantId, data.school) : null,
      firstName: data.firstName,
      lastName: data.lastName,
      displayName: data.displayName ?? `${data.firstName} ${data.lastName}`,
      email: data.email ?? null,
      phone: data.phone ?? null,
      title: data.title ?? null,
      active: data.active,
    });
  },
});

export const INBOUND_HANDLERS: readonly InboundHandler[] = [
  studentEnrolledHandler,
  assessmentResultRecordedHandler,
  staffUpdatedHandler,
];
