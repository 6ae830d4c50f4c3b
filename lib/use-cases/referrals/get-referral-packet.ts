import { recordDisclosure } from "@/db/queries/audit";
import { communicationsOf, tierHistoryOf } from "@/db/queries/audit-trail";
import { evaluationRequestsOf } from "@/db/queries/evaluation-requests";
import { studentWithSchool } from "@/db/queries/students";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { REFERRAL_PACKET_PURPOSE } from "@/lib/domain/decisions/evaluation-requests";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { canPrepareReferralPacket } from "@/lib/domain/policy/referrals";
import { referralPacketView } from "@/lib/domain/referrals/packet";
import { visibleStudent } from "../access";
import type { UseCaseContext } from "../context";
import { loadStudentProgress } from "../progress/get-student-progress";
import { enrollmentViews } from "../students/student-record";

/** Who the packet goes to, unless the caller names someone else. */
export const DEFAULT_PACKET_RECIPIENT = "Special education evaluation team";

/**
 * The special-education referral packet of one student (34 CFR 300.309–300.311): every
 * intervention with what was delivered, attendance, fidelity, the progress graphs with their
 * rate of improvement, the tier decisions with their justifications, the letters sent to the
 * family, and the parent's right to ask for an evaluation. Specialists and admins prepare it;
 * anyone else tied to the student is refused (403), and a student they cannot see — another
 * district's included — does not exist (404). Generating it is a disclosure: the disclosure row
 * and its audit row are written in the transaction that reads the record.
 */
export async function getReferralPacket(
  ctx: UseCaseContext,
  studentId: string,
  options: { format: "pdf" | "print"; recipient?: string },
) {
  const { actor } = ctx;
  return withTenant(ctx.db, actor, async (tx) => {
    await visibleStudent(tx, actor, studentId);
    if (!canPrepareReferralPacket(actor)) {
      throw new ForbiddenError("Specialists and admins prepare a referral packet.");
    }
    const student = await studentWithSchool(tx, actor.tenantId, studentId);
    if (!student) throw new NotFoundError("Student");
    const now = ctx.now();
    const [progress, enrollments, tierDecisions, communications, requests] = await Promise.all([
      loadStudentProgress(tx, actor, studentId, now),
      enrollmentViews(tx, actor.tenantId, studentId),
      tierHistoryOf(tx, actor.tenantId, studentId),
      communicationsOf(tx, actor.tenantId, studentId),
      evaluationRequestsOf(tx, actor.tenantId, studentId),
    ]);
    const preparedOn = todayIn(actor.timeZone, now);
    const packet = referralPacketView({
      preparedOn,
      preparedBy: actor.name,
      student,
      enrollments,
      deliveries: progress.deliveries,
      timeline: progress.timeline,
      tierDecisions,
      letters: communications.map((c) => ({
        id: c.id,
        date: todayIn(actor.timeZone, c.sentAt ?? c.createdAt),
        kind: c.kind,
        channel: c.channel,
        language: c.language,
        status: c.status,
        subject: c.subject,
      })),
      evaluationRequests: requests,
    });
    const disclosureId = await recordDisclosure(tx, actor, ctx.requestId, {
      studentId,
      disclosedTo: options.recipient ?? DEFAULT_PACKET_RECIPIENT,
      purpose: REFERRAL_PACKET_PURPOSE,
      details: {
        kind: "referral-packet",
        format: options.format,
        interventions: packet.interventions.map((i) => i.interventionId),
        tierDecisions: tierDecisions.length,
        letters: communications.length,
      },
    });
    return {
      disclosureId,
      filename: `referral-packet-${student.localId.replace(/[^A-Za-z0-9_-]/g, "")}-${preparedOn}.pdf`,
      packet,
    };
  });
}

export type ReferralPacket = Awaited<ReturnType<typeof getReferralPacket>>;
