import { insertCommunications } from "@/db/queries/communications/mailbox";
import {
  auditGuardianDecision,
  interventionStaffContacts,
  markEnrollmentOptedOut,
  recordOptOutDecision,
  userOfGuardian,
} from "@/db/queries/communications/opt-out";
import { todayIn } from "@/lib/domain/calendar/dates";
import { letterDate } from "@/lib/domain/letters/enrollment-letter";
import type { PublicContext } from "../context";
import { describeSubject, type OptOutLinkState, withOptOutLink } from "./opt-out-link";

/**
 * A guardian confirms the opt-out from the letter's link (no sign-in). The decision is
 * recorded once — the unique index holds however often the link is used or the button
 * pressed — and only then: the enrollment is marked opted out, the decision audited, and the
 * group's specialist and facilitators are told by a message in the mailbox queue. The student
 * stays on the roster until staff exit them: the exit decision and its follow-up are theirs.
 */
export async function confirmOptOut(ctx: PublicContext, token: string): Promise<OptOutLinkState> {
  return withOptOutLink(ctx, token, async (tx, claims, subject) => {
    const described = describeSubject(subject, subject.decidedAt);
    if (described.state !== "ready") return described;
    const now = ctx.now();
    const decision = await recordOptOutDecision(tx, claims.tenantId, {
      enrollmentId: claims.enrollmentId,
      guardianId: claims.guardianId,
      decidedAt: now,
    });
    // Another request recorded it a moment ago: report that one.
    if (!decision) return describeSubject(subject, now);

    await markEnrollmentOptedOut(tx, claims.tenantId, claims.enrollmentId, now);
    await auditGuardianDecision(tx, {
      tenantId: claims.tenantId,
      actorUserId: await userOfGuardian(tx, claims.tenantId, claims.guardianId),
      action: "enrollment.opted-out",
      entityType: "intervention_enrollment",
      entityId: claims.enrollmentId,
      studentId: subject.studentId,
      after: {
        optOutDecisionId: decision.id,
        guardianId: claims.guardianId,
        decidedAt: now.toISOString(),
        via: "signed letter link",
      },
      requestId: ctx.requestId,
    });
    const staff = await interventionStaffContacts(
      tx,
      claims.tenantId,
      subject.interventionId,
      subject.createdBy,
    );
    const student = `${subject.studentFirstName} ${subject.studentLastName}`;
    await insertCommunications(
      tx,
      staff.map((person) => ({
        tenantId: claims.tenantId,
        kind: "opt-out-notice",
        channel: "email",
        studentId: subject.studentId,
        interventionId: subject.interventionId,
        enrollmentId: claims.enrollmentId,
        toAddress: person.email,
        language: "en",
        subject: "NorthStar: a family answered an enrollment letter",
        body: `Dear ${person.name},\n\n${subject.guardianName} opted ${student} out of ${subject.interventionName} on ${letterDate(todayIn(subject.districtTimeZone, now), "en")}, through the link in the enrollment letter.\n\nThe enrollment is marked as opted out. Please exit ${subject.studentFirstName} from the group and follow up with the family as needed; the family may still ask for an evaluation at any time.\n\n${subject.districtName} · NorthStar Interventions`,
        reason: `Opt-out from ${subject.interventionName}`,
        required: true,
        status: "queued" as const,
      })),
    );
    return describeSubject(subject, now);
  });
}
