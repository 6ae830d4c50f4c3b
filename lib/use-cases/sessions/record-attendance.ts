import { appendAudit } from "@/db/queries/audit";
import { districtOf } from "@/db/queries/districts";
import { enqueueEvents } from "@/db/queries/outbox";
import { monitoringPlanOf } from "@/db/queries/progress/measures";
import {
  sessionRoster,
  upsertMarks,
  upsertSessionProbeScores,
} from "@/db/queries/sessions/attendance";
import { markSessionHeld } from "@/db/queries/sessions/schedule";
import {
  type AttendanceStatus,
  attendanceRateFromCounts,
  countByStatus,
} from "@/lib/domain/attendance";
import { todayIn } from "@/lib/domain/calendar/dates";
import {
  ConflictError,
  type FieldError,
  NotFoundError,
  UnprocessableError,
  ValidationError,
} from "@/lib/domain/errors";
import { interventionSubject } from "@/lib/domain/events";
import { roundRate } from "@/lib/domain/progress";
import { followUpSettingsFrom } from "@/lib/domain/sessions/follow-up-settings";
import type { RecordAttendanceInput } from "@/lib/domain/sessions/schemas";
import { loadSessionAccess, requireRunAccess } from "../access";
import { runIdempotent } from "../common/idempotent";
import type { UseCaseContext } from "../context";
import { evaluateExitsInTransaction } from "../exits/evaluate-exits";
import { flagsOf } from "./flags-of";

/** Retries of an attendance save within this window return the first answer (the API reference: lib/api/routes/). */
export const ATTENDANCE_IDEMPOTENCY_MINUTES = 5;

/** The response of `POST /sessions/{id}/attendance` (the API reference: lib/api/routes/). */
export interface AttendanceRecorded {
  sessionId: string;
  recordedAt: string;
  present: number;
  absent: number;
  tardy: number;
  excused: number;
  /** Of this session, rounded to 2 decimals as the API shows it (Scenario 3: 0.67). */
  attendanceRate: number | null;
  /** Students of this session who reached a follow-up threshold in the intervention. */
  flaggedStudentIds: string[];
}

function notOnRoster(
  items: readonly { studentId: string }[],
  roster: ReadonlySet<string>,
  path: string,
): FieldError[] {
  return items.flatMap((item, index) =>
    roster.has(item.studentId)
      ? []
      : [
          {
            path: `${path}.${index}.studentId`,
            message: "Not in this group on the session's date.",
          },
        ],
  );
}

/**
 * Scenario 3: one transaction writes the marks (one per student, a repeat overwrites), the
 * session as held with its notes, the probe scores, an audit row with before and after, and one
 * `InterventionAttendanceRecordedEvent`. Changing a saved session needs a reason.
 */
export async function recordAttendance(
  ctx: UseCaseContext,
  sessionId: string,
  input: RecordAttendanceInput,
  idempotencyKey?: string | null,
) {
  const { tenantId } = ctx.actor;
  return runIdempotent<AttendanceRecorded>(
    ctx,
    {
      operation: "record-attendance",
      key: idempotencyKey,
      request: { sessionId, input },
      windowMinutes: ATTENDANCE_IDEMPOTENCY_MINUTES,
    },
    async (tx) => {
      // Independent reads go out together: postgres.js pipelines them on the transaction's
      // connection, so a save costs fewer round trips (attendance is the hot path, docs/benchmarks.md).
      const probes = input.probeScores ?? [];
      const [{ session, intervention, access, extra }, district] = await Promise.all([
        loadSessionAccess(tx, ctx, sessionId, (found) =>
          Promise.all([
            sessionRoster(tx, tenantId, found),
            probes.length > 0 ? monitoringPlanOf(tx, tenantId, found.interventionId) : null,
          ]),
        ),
        districtOf(tx, tenantId),
      ]);
      const [roster, plan] = extra;
      requireRunAccess(access);
      if (session.status === "cancelled") {
        throw new ConflictError("This session was cancelled; add a make-up session instead.");
      }
      const now = ctx.now();
      if (session.sessionDate > todayIn(district.timeZone, now)) {
        throw new UnprocessableError(
          `This session is on ${session.sessionDate}; attendance can be taken from that day on.`,
        );
      }

      const onRoster = new Set(roster.map((r) => r.studentId));
      const strangers = [
        ...notOnRoster(input.records, onRoster, "records"),
        ...notOnRoster(input.probeScores ?? [], onRoster, "probeScores"),
      ];
      if (strangers.length > 0) {
        throw new NotFoundError("Student", "Some students are not in this group.", strangers);
      }
      if (probes.length > 0 && !plan?.measureName) {
        throw new UnprocessableError(
          "This intervention names no measure yet, so probe scores cannot be kept.",
          [{ path: "probeScores", message: "Set the intervention's measure first." }],
        );
      }

      const beforeMarks = roster.flatMap((r) =>
        r.status ? [{ studentId: r.studentId, status: r.status }] : [],
      );
      const beforeProbes = roster.flatMap((r) =>
        r.probeScore !== null ? [{ studentId: r.studentId, value: r.probeScore }] : [],
      );
      const isEdit = session.status === "held" || beforeMarks.length > 0;
      if (isEdit && !input.reason) {
        throw new ValidationError(
          [{ path: "reason", message: "Say why you are changing saved attendance." }],
          "This session's attendance was saved before: changing it needs a reason.",
        );
      }

      const notes = input.notes === undefined ? session.notes : input.notes || null;
      // Three independent writes, pipelined in this order; the flags below read the marks after
      // all of them.
      await Promise.all([
        upsertMarks(
          tx,
          input.records.map((r) => ({
            tenantId,
            sessionId,
            studentId: r.studentId,
            status: r.status,
            recordedAt: now,
            recordedBy: ctx.actor.userId,
          })),
        ),
        upsertSessionProbeScores(
          tx,
          probes.map((p) => ({
            tenantId,
            interventionId: intervention.id,
            sessionId,
            studentId: p.studentId,
            scoreDate: session.sessionDate,
            value: p.value,
            recordedBy: ctx.actor.userId,
          })),
        ),
        markSessionHeld(tx, tenantId, sessionId, notes),
      ]);

      // The session's marks after this save: the earlier ones, overwritten where re-marked.
      const marks = new Map<string, AttendanceStatus>(
        beforeMarks.map((m) => [m.studentId, m.status]),
      );
      for (const record of input.records) marks.set(record.studentId, record.status);
      const afterMarks = [...marks].map(([studentId, status]) => ({ studentId, status }));
      const scores = new Map(beforeProbes.map((p) => [p.studentId, p.value]));
      for (const probe of probes) scores.set(probe.studentId, probe.value);
      const counts = countByStatus([...marks.values()]);
      const rate = attendanceRateFromCounts(counts);
      const attendanceRate = roundRate(rate);

      const flags = await flagsOf(tx, tenantId, followUpSettingsFrom(district.settings), {
        interventionIds: [intervention.id],
        studentIds: [...marks.keys()],
      });
      const flaggedStudentIds = (flags.get(intervention.id) ?? []).map((flag) => flag.studentId);
      // A new probe may complete a student's exit criteria: evaluated now, not at the next day's job.
      const exits =
        probes.length > 0
          ? await evaluateExitsInTransaction(tx, tenantId, now, {
              interventionId: intervention.id,
              studentIds: probes.map((p) => p.studentId),
            })
          : null;

      // Event and audit row together, at the end: the audit trigger's hash chain locks the
      // district's trail until commit, so it is taken as late as possible.
      await Promise.all([
        enqueueEvents(tx, tenantId, now, [
          {
            type: "InterventionAttendanceRecordedEvent",
            subject: interventionSubject(intervention.id),
            data: {
              interventionId: intervention.id,
              sessionId,
              sessionDate: session.sessionDate,
              recordedAt: now.toISOString(),
              records: afterMarks,
              attendanceRate,
              flaggedStudentIds,
              isEdit,
            },
          },
        ]),
        appendAudit(tx, ctx.actor, ctx.requestId, [
          {
            action: isEdit ? "attendance.edited" : "attendance.recorded",
            entityType: "intervention_session",
            entityId: sessionId,
            before: isEdit
              ? {
                  status: session.status,
                  notes: session.notes,
                  marks: beforeMarks,
                  probeScores: beforeProbes,
                }
              : null,
            after: {
              status: "held",
              notes,
              marks: afterMarks,
              probeScores: [...scores].map(([studentId, value]) => ({ studentId, value })),
            },
            reason: input.reason ?? null,
          },
          ...(exits?.audit ?? []),
        ]),
      ]);

      return {
        status: 200,
        body: {
          sessionId,
          recordedAt: now.toISOString(),
          ...counts,
          attendanceRate,
          flaggedStudentIds,
        },
      };
    },
  );
}
