import type { Tx } from "@/db/client";
import { guardiansToWrite } from "@/db/queries/communications/letters";
import { insertCommunications } from "@/db/queries/communications/mailbox";
import { templatesOfKind } from "@/db/queries/communications/templates";
import { districtOf } from "@/db/queries/districts";
import { letterSettingsOf, portalNotice } from "@/lib/domain/letters/enrollment-letter";
import { DEFAULT_TEMPLATES, letterLanguageFor, renderLetter } from "@/lib/domain/letters/templates";
import { tierChangeLetterValues } from "@/lib/domain/letters/tier-change-letter";
import type { RecordedTierDecision } from "@/lib/domain/tiers/decision";
import type { UseCaseContext } from "../context";
import { letterLinksFromConfig, portalUrl } from "./letter-links";

export interface TierChangeForLetter {
  studentId: string;
  interventionId: string | null;
  fromTier: number | null;
  toTier: number;
  decision: RecordedTierDecision;
  decidedOn: string;
  justification: string;
}

/**
 * Issue 11, point 1: every tier change is told to the family. One letter per guardian with an
 * e-mail address (the same guardians an enrollment letter goes to), in the guardian's language,
 * from the district's `tier-change` template (the built-in one where it has none), written in
 * the caller's transaction so the letter exists exactly when the decision does, and logged in
 * the communications log as a required notice. The contact is the staff member who recorded the
 * decision. Returns how many letters were queued.
 */
export async function queueTierChangeLetters(
  tx: Tx,
  ctx: UseCaseContext,
  change: TierChangeForLetter,
): Promise<number> {
  const { tenantId } = ctx.actor;
  const recipients = await guardiansToWrite(tx, tenantId, [change.studentId]);
  if (recipients.length === 0) return 0;
  const [district, own] = await Promise.all([
    districtOf(tx, tenantId),
    templatesOfKind(tx, tenantId, "tier-change"),
  ]);
  const templates = new Map(own.map((t) => [t.language, t]));
  const settings = letterSettingsOf(district.settings);
  const links = letterLinksFromConfig();
  const reason =
    change.fromTier === null
      ? `Tier decision: Tier ${change.toTier}`
      : `Tier decision: Tier ${change.fromTier} → Tier ${change.toTier}`;

  const letters = recipients.map((r) => {
    const language = letterLanguageFor(r.language);
    const guardianName = `${r.guardianFirstName} ${r.guardianLastName}`;
    const template = templates.get(language);
    const { subject, body } = renderLetter(
      template ?? DEFAULT_TEMPLATES["tier-change"][language],
      tierChangeLetterValues({
        language,
        guardianName,
        studentFirstName: r.studentFirstName,
        studentLastName: r.studentLastName,
        districtName: district.name,
        fromTier: change.fromTier,
        toTier: change.toTier,
        decision: change.decision,
        decidedOn: change.decidedOn,
        justification: change.justification,
        contact: { name: ctx.actor.name, email: ctx.actor.email, phone: null },
      }),
    );
    return {
      tenantId,
      kind: "tier-change",
      channel: "email",
      studentId: r.studentId,
      guardianId: r.guardianId,
      interventionId: change.interventionId,
      enrollmentId: null,
      toAddress: r.email,
      language,
      // Version 0 = the built-in template, as shipped with this release.
      templateVersion: template?.version ?? 0,
      subject,
      body,
      emailBody:
        settings.delivery === "portal-notice"
          ? portalNotice(language, {
              guardianName,
              districtName: district.name,
              portalUrl: portalUrl(links),
            })
          : null,
      reason,
      required: true,
      status: "queued" as const,
    };
  });
  await insertCommunications(tx, letters);
  return letters.length;
}
