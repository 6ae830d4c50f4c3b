import type { Tx } from "@/db/client";
import { insertCommunications } from "@/db/queries/communications/mailbox";
import { todayIn } from "@/lib/domain/calendar/dates";
import { letterDate } from "@/lib/domain/letters/enrollment-letter";
import { letterLanguageFor } from "@/lib/domain/letters/templates";
import type { Role } from "@/lib/domain/policy";
import {
  type PasswordLinkMailInput,
  passwordLinkMail,
} from "@/lib/domain/users/password-link-mail";
import {
  PASSWORD_LINK_NOTE,
  PASSWORD_LINK_REASONS,
} from "@/lib/domain/users/password-link-redaction";
import { passwordLinkLifetimeSeconds } from "@/lib/domain/users/password-rules";
import { letterLinksFromConfig } from "../communications/letter-links";

export const PASSWORD_LINK_KIND = "password-link";

export interface PasswordLinkRequest {
  district: { id: string; name: string; timeZone: string };
  account: {
    userId: string;
    name: string;
    email: string;
    role: Role;
    locale: string;
    passwordHash: string | null;
  };
  why: PasswordLinkMailInput["why"];
  now: Date;
}

/**
 * E-mails a person the link to choose their password, in their language, through the mail
 * queue (logged like every message). The link works once, for a week when the account is new and
 * for an hour when the person asked for a reset (passwordLinkLifetimeSeconds). The message kept
 * in the log holds a note where the link goes, never the link: an admin reading the mailbox
 * could otherwise take the account over. The mail worker signs the link as it sends the e-mail
 * (./password-link-at-send.ts), so it exists only in the recipient's mail; with no mail server
 * set, no one receives it. Without a signing secret (never the case in the running app) the
 * message says to sign in with the district account instead.
 */
export async function queuePasswordLink(tx: Tx, request: PasswordLinkRequest): Promise<void> {
  const { district, account, why, now } = request;
  const language = letterLanguageFor(account.locale);
  const links = letterLinksFromConfig();
  const expiresAt = Math.floor(now.getTime() / 1000) + passwordLinkLifetimeSeconds(why.kind);
  const { subject, body } = passwordLinkMail({
    language,
    name: account.name,
    email: account.email,
    role: account.role,
    districtName: district.name,
    appUrl: links.appUrl,
    link: links.signingSecret ? PASSWORD_LINK_NOTE[language] : null,
    until: letterDate(todayIn(district.timeZone, new Date(expiresAt * 1000)), language),
    why,
  });
  await insertCommunications(tx, [
    {
      tenantId: district.id,
      kind: PASSWORD_LINK_KIND,
      channel: "email",
      toAddress: account.email,
      language,
      subject,
      body,
      reason: PASSWORD_LINK_REASONS[why.kind],
      required: true,
      status: "queued",
      createdAt: now,
    },
  ]);
}
