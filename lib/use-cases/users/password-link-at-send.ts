import type { Tx } from "@/db/client";
import { accountAtAddress } from "@/db/queries/communications/delivery";
import { passwordFingerprint, signPasswordLink } from "@/lib/domain/users/password-link";
import {
  passwordLinkUrl,
  passwordLinkWhyOf,
  withPasswordLink,
} from "@/lib/domain/users/password-link-redaction";
import { passwordLinkLifetimeSeconds } from "@/lib/domain/users/password-rules";
import type { LetterLinks } from "../communications/letter-links";

export interface StoredPasswordLinkMail {
  toAddress: string;
  body: string;
  language: string;
  reason: string | null;
  createdAt: Date;
}

/**
 * The text a password-link message is e-mailed with: the stored body (which holds a note, never
 * the link: ./queue-password-link.ts) with the link signed now, in the mail worker, for the
 * account at the message's address. The link is the one the message promised: it names that
 * account and its current password (so it works once), and expires when the message says,
 * counted from when it was written. Null when no active account has the address any more: the
 * message then goes nowhere. Without a signing secret the body goes as written.
 */
export async function passwordLinkMailText(
  tx: Tx,
  tenantId: string,
  message: StoredPasswordLinkMail,
  links: LetterLinks,
): Promise<string | null> {
  const account = await accountAtAddress(tx, tenantId, message.toAddress);
  if (!account?.active) return null;
  if (!links.signingSecret) return message.body;
  const expiresAt =
    Math.floor(message.createdAt.getTime() / 1000) +
    passwordLinkLifetimeSeconds(passwordLinkWhyOf(message.reason));
  const token = signPasswordLink(
    {
      tenantId,
      userId: account.userId,
      fingerprint: passwordFingerprint(account.passwordHash),
      expiresAt,
    },
    links.signingSecret,
  );
  return withPasswordLink(
    message.body,
    message.language,
    passwordLinkUrl(links.appUrl, token, message.language),
  );
}
