import type { Tx } from "@/db/client";
import { guardiansToWrite, letterContext } from "@/db/queries/communications/letters";
import { insertCommunications } from "@/db/queries/communications/mailbox";
import { templatesOfKind } from "@/db/queries/communications/templates";
import type { Weekday } from "@/lib/domain/calendar/dates";
import { todayIn } from "@/lib/domain/calendar/dates";
import {
  enrollmentLetterValues,
  letterSettingsOf,
  portalNotice,
} from "@/lib/domain/letters/enrollment-letter";
import { OPT_OUT_LINK_DAYS, signOptOutToken } from "@/lib/domain/letters/opt-out-token";
import { DEFAULT_TEMPLATES, letterLanguageFor, renderLetter } from "@/lib/domain/letters/templates";
import type { UseCaseContext } from "../context";
import { letterLinksFromConfig, optOutUrl, portalUrl } from "./letter-links";

/**
 * Scenario 8 at enrollment: one letter per guardian with an e-mail address, per enrolled
 * student, written in the caller's transaction (so a letter exists exactly when its enrollment
 * does) and queued for the mail worker. Each is rendered from the district's template in the
 * guardian's language (the built-in one where the district has none) and logged with the
 * template's version. Returns how many letters were queued.
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
  const recipients = await guardiansToWrite(
    tx,
    tenantId,
    enrollments.map((e) => e.studentId),
  );
  if (recipients.length === 0) return 0;
  const templates = new Map(
    (await templatesOfKind(tx, tenantId, "enrollment")).map((t) => [t.language, t]),
  );
  const settings = letterSettingsOf(context.districtSettings);
  const links = letterLinksFromConfig();
  const now = ctx.now();
  const expiresAt = Math.floor(now.getTime() / 1000) + OPT_OUT_LINK_DAYS * 86_400;
  const enrollmentOf = new Map(enrollments.map((e) => [e.studentId, e.id]));

  const letters = recipients.map((r) => {
    const language = letterLanguageFor(r.language);
    const guardianName = `${r.guardianFirstName} ${r.guardianLastName}`;
    const enrollmentId = enrollmentOf.get(r.studentId) as string;
    const own = templates.get(language);
    const oneClick = settings.optOut === "one-click" && links.signingSecret !== null;
    const token = oneClick
      ? signOptOutToken(
          { tenantId, enrollmentId, guardianId: r.guardianId, expiresAt },
          links.signingSecret as string,
        )
      : null;
    const { subject, body } = renderLetter(
      own ?? DEFAULT_TEMPLATES.enrollment[language],
      enrollmentLetterValues({
        language,
        guardianName,
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
    );
    return {
      tenantId,
      kind: "enrollment",
      channel: "email",
      studentId: r.studentId,
      guardianId: r.guardianId,
      interventionId,
      enrollmentId,
      toAddress: r.email,
      language,
      // Version 0 = the built-in template, as shipped with this release.
      templateVersion: own?.version ?? 0,
      subject,
      body,
      emailBody:
        settings.delivery === "portal-notice"
          ? portalNotice(language, {
              guardianName,
              districtName: context.districtName,
              portalUrl: portalUrl(links),
            })
          : null,
      reason: `Enrollment in ${context.name}`,
      required: true,
      status: "queued" as const,
    };
  });
  await insertCommunications(tx, letters);
  return letters.length;
}
