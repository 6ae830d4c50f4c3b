import type { Database } from "@/db/client";
import { activeAdminsOf } from "@/db/queries/audit-anchor";
import { allDistricts } from "@/db/queries/audit-trail";
import { insertCommunications, messageSentSince } from "@/db/queries/communications/mailbox";
import { withTenant } from "@/db/with-tenant";
import { anchorMail } from "@/lib/domain/audit/anchor-mail";
import { anchorOf } from "./audit-anchors";

export const AUDIT_ANCHOR_KIND = "audit-anchor";

export interface AnchorMailOptions {
  /** The server's secret the anchors are signed with (AUTH_SECRET). */
  secret: string;
  now: Date;
  /** An admin already sent an anchor after this instant is skipped (a retried daily job). */
  unlessSentSince?: Date;
}

/**
 * E-mails each district's active admins the district's current anchor, through the mail queue
 * like every message (kept in the mailbox when no SMTP server is set). Reading the chain is all
 * it does to the audit trail: it writes no audit row, so the anchor is the chain as it stood.
 */
export async function mailAuditAnchors(
  ownerDb: Database,
  options: AnchorMailOptions,
): Promise<{ districts: number; messages: number }> {
  const { secret, now, unlessSentSince } = options;
  let messages = 0;
  const districts = await allDistricts(ownerDb);
  for (const district of districts) {
    const anchor = await anchorOf(ownerDb, district, secret, now);
    const { subject, body } = anchorMail(anchor);
    messages += await withTenant(ownerDb, { tenantId: district.id }, async (tx) => {
      const recipients = [];
      for (const admin of await activeAdminsOf(tx, district.id)) {
        const already =
          unlessSentSince &&
          (await messageSentSince(
            tx,
            district.id,
            AUDIT_ANCHOR_KIND,
            admin.email,
            unlessSentSince,
          ));
        if (!already) recipients.push(admin);
      }
      await insertCommunications(
        tx,
        recipients.map((admin) => ({
          tenantId: district.id,
          kind: AUDIT_ANCHOR_KIND,
          channel: "email",
          toAddress: admin.email,
          language: "en",
          subject,
          body,
          reason: "Audit trail anchor",
          required: true,
          status: "queued" as const,
          createdAt: now,
        })),
      );
      return recipients.length;
    });
  }
  return { districts: districts.length, messages };
}
