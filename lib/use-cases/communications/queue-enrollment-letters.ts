import type { Tx } from "@/db/client";
import { letterContext } from "@/db/queries/communications/letters";
import { insertCommunications } from "@/db/queries/communications/mailbox";
import { reachableGuardians } from "@/db/queries/guardian-links";
import type { Weekday } from "@/lib/domain/calendar/dates";
import { todayIn } from "@/lib/domain/calendar/dates";
import { enrollmentLetterValues, letterSettingsOf } from "@/lib/domain/letters/enrollment-letter";
import { OPT_OUT_LINK_DAYS, signOptOutToken } from "@/lib/domain/letters/opt-out-token";
import type { UseCaseContext } from "../context";
import { letterLinksFromConfig, optOutUrl } from "./letter-links";
import { letterWriter } from "./letter-writer";

/**
 * Scenario 8 at enrollment: one letter per reachable guardian (an e-mail address, no contact
 * restriction) per enrolled student, written in the caller's transaction (so a letter exists
 * exactly when its enrollment does) and queued for the mail worker. Each is rendered from the
 * district's template in the guardian's language (see letter-writer.ts) and logged with the
 * template's version. A required notice. Returns how many letters were queued.
 */
export async function queueEnrollmentLetters(
  tx: Tx,
  ctx: UseCaseContext,
  interventionId: string,
  enrollments: readonly { id: string; studentId: string }[],
): Promise<number> {
  if (enrollments.length === 0) return 0;
  const { tenantId } = ctx.actor;
  const context = await letterContext(tx, tenantId, interventionId);
  if (!context) throw new Error("The intervention being enrolled in is missing");
  const recipients = await reachableGuardians(
    tx,
    tenantId,
    enrollments.map((e) => e.studentId),
  );
  if (recipients.length === 0) return 0;
  const write = await letterWriter(tx, tenantId, "enrollment", {
    name: context.districtName,
    settings: context.districtSettings,
  });
  const settings = letterSettingsOf(context.districtSettings);
  const links = letterLinksFromConfig();
  const now = ctx.now();
  const expiresAt = Math.floor(now.getTime() / 1000) + OPT_OUT_LINK_DAYS * 86_400;
  const enrollmentOf = new Map(enrollments.map((e) => [e.studentId, e.id]));

  const letters = recipients.map((r) => {
    const enrollmentId = enrollmentOf.get(r.studentId) as string;
    const oneClick = settings.optOut === "one-click" && links.signingSecret !== null;
    const token = oneClick
      ? signOptOutToken(
          { tenantId, enrollmentId, guardianId: r.guardianId, expiresAt },
          links.signingSecret as string,
        )
      : null;
    return {
      tenantId,
      kind: "enrollment",
      channel: "email",
      studentId: r.studentId,
      guardianId: r.guardianId,
      interventionId,
      enrollmentId,
      toAddress: r.email,
      reason: `Enrollment in ${context.name}`,
      ...write(r, {
        required: true,
        letterDate: todayIn(context.districtTimeZone, now),
        values: (language) =>
          enrollmentLetterValues({
            language,
            guardianName: `${r.guardianFirstName} ${r.guardianLastName}`,
            studentFirstName: r.studentFirstName,
            studentLastName: r.studentLastName,
            districtName: context.districtName,
            intervention: { ...context, scheduleDays: context.scheduleDays as Weekday[] },
            facilitator: context.facilitator,
            optOut: token
              ? {
                  mode: "one-click",
                  link: optOutUrl(links, token),
                  expiresOn: todayIn(context.districtTimeZone, new Date(expiresAt * 1000)),
                }
              : { mode: settings.optOut === "one-click" ? "by-request" : settings.optOut },
          }),
      }),
    };
  });
  await insertCommunications(tx, letters);
  return letters.length;
}
