import type { Tx } from "@/db/client";
import { insertCommunications } from "@/db/queries/communications";
import { ROLE_LABELS, type Role } from "@/lib/domain/policy";
import { passwordFingerprint, signPasswordLink } from "@/lib/domain/users/password-link";
import { PASSWORD_LINK_DAYS } from "@/lib/domain/users/password-rules";
import { letterLinksFromEnv } from "../communications/letter-links";

export const PASSWORD_LINK_KIND = "password-link";

export interface PasswordLinkMail {
  district: { id: string; name: string; timeZone: string };
  account: { userId: string; name: string; email: string; role: Role; passwordHash: string | null };
  /** An admin gave the account (named), or the person asked for a new password. */
  why: { kind: "new-account"; by: string } | { kind: "reset" };
  now: Date;
}

/**
 * E-mails a person the link to choose their password, through the mail queue (logged like every
 * message; kept in the admin's mailbox when no mail server is set). The link works once and
 * for PASSWORD_LINK_DAYS. Without a signing secret (never the case in the running app) the
 * message says to sign in with the district account instead.
 */
export async function queuePasswordLink(tx: Tx, mail: PasswordLinkMail): Promise<void> {
  const { district, account, why, now } = mail;
  const links = letterLinksFromEnv();
  const expiresAt = Math.floor(now.getTime() / 1000) + PASSWORD_LINK_DAYS * 86_400;
  const until = new Date(expiresAt * 1000).toLocaleDateString("en-US", {
    dateStyle: "long",
    timeZone: district.timeZone,
  });
  const token = links.signingSecret
    ? signPasswordLink(
        {
          tenantId: district.id,
          userId: account.userId,
          fingerprint: passwordFingerprint(account.passwordHash),
          expiresAt,
        },
        links.signingSecret,
      )
    : null;
  const choose = token
    ? `Choose your password here. The link works once, until ${until}:\n${links.appUrl}/set-password?token=${encodeURIComponent(token)}`
    : "Sign in with your district account.";
  const opening =
    why.kind === "new-account"
      ? `${why.by} has given you access to NorthStar Interventions for ${district.name}, as ${ROLE_LABELS[account.role].toLowerCase()}.`
      : `Someone asked for a new NorthStar Interventions password for ${account.email}. If it was not you, ignore this message: your password stays as it is.`;
  await insertCommunications(tx, [
    {
      tenantId: district.id,
      kind: PASSWORD_LINK_KIND,
      channel: "email",
      toAddress: account.email,
      language: "en",
      subject:
        why.kind === "new-account"
          ? "Your NorthStar Interventions account"
          : "Your NorthStar Interventions password",
      body: `Dear ${account.name},\n\n${opening}\n\n${choose}\n\nThen sign in at ${links.appUrl}/sign-in with ${account.email}. If you did not expect this message, tell your district's administrator.\n\n${district.name} · NorthStar Interventions`,
      reason: why.kind === "new-account" ? "Account access" : "Password reset",
      required: true,
      status: "queued",
      createdAt: now,
    },
  ]);
}
