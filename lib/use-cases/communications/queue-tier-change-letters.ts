import type { Tx } from "@/db/client";
import { insertCommunications } from "@/db/queries/communications/mailbox";
import { districtOf } from "@/db/queries/districts";
import { reachableGuardians } from "@/db/queries/guardian-links";
import { tierChangeLetterValues } from "@/lib/domain/letters/tier-change-letter";
import type { RecordedTierDecision } from "@/lib/domain/tiers/decision";
import type { UseCaseContext } from "../context";
import { letterWriter } from "./letter-writer";

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
 * Issue 11, point 1: every tier change is told to the family. One letter per reachable guardian
 * (db/queries/guardian-links.ts → reachableGuardians, as for an enrollment letter), in the guardian's
 * language, from the district's `tier-change` template (the built-in one where it has none),
 * written in the caller's transaction so the letter exists exactly when the decision does, and
 * logged in the communications log as a required notice. The contact is the staff member who recorded the
 * decision. Returns how many letters were queued.
 */
export async function queueTierChangeLetters(
  tx: Tx,
  ctx: UseCaseContext,
  change: TierChangeForLetter,
): Promise<number> {
  const { tenantId } = ctx.actor;
  const recipients = await reachableGuardians(tx, tenantId, [change.studentId]);
  if (recipients.length === 0) return 0;
  const district = await districtOf(tx, tenantId);
  const write = await letterWriter(tx, tenantId, "tier-change", district);
  const reason =
    change.fromTier === null
      ? `Tier decision: Tier ${change.toTier}`
      : `Tier decision: Tier ${change.fromTier} → Tier ${change.toTier}`;

  const letters = recipients.map((r) => ({
    tenantId,
    kind: "tier-change",
    channel: "email",
    studentId: r.studentId,
    guardianId: r.guardianId,
    interventionId: change.interventionId,
    enrollmentId: null,
    toAddress: r.email,
    reason,
    ...write(r, {
      required: true,
      letterDate: change.decidedOn,
      values: (language) =>
        tierChangeLetterValues({
          language,
          guardianName: `${r.guardianFirstName} ${r.guardianLastName}`,
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
    }),
  }));
  await insertCommunications(tx, letters);
  return letters.length;
}
