import type { Tx } from "@/db/client";
import { insertCommunications } from "@/db/queries/communications";
import { ROLE_LABELS, type Role } from "@/lib/domain/policy";
import {
  PASSWORD_LINK_DAYS,
  passwordFingerprint,
  signPasswordLink,
} from "@/lib/domain/users/password-link";
import { letterLinksFromEnv } from "../communications/letter-links";
import type { UseCaseContext } from "../context";

/**
 * E-mails a person the link to choose their password, through the mail queue (logged like every
 * message; kept in the admin's mailbox when no mail server is set). The link works once and
 * for PASSWORD_LINK_DAYS. Without a signing secret (never the case in the running app) the
 * message says to sign in with the district account instead.
 */
export async function queuePasswordLink(
  tx: Tx,
  ctx: UseCaseContext,
  account: { userId: string; name: string; email: string; role: Role; passwordHash: string | null },
): Promise<void> {
  const links = letterLinksFromEnv();
  const now = ctx.now();
  const expiresAt = Math.floor(now.getTime() / 1000) + PASSWORD_LINK_DAYS * 86_400;
  const until = new Date(expiresAt * 1000).toLocaleDateString("en-US", {
    dateStyle: "long",
    timeZone: ctx.actor.timeZone,
  });
  const choose = links.signingSecret
    ? `Choose your password here. The link works once, until ${until}:\n${links.appUrl}/set-password?token=${encodeURIComponent(
        signPasswordLink(
          {
            tenantId: ctx.actor.tenantId,
            userId: account.userId,
            fingerprint: passwordFingerprint(account.passwordHash),
            expiresAt,
          },
          links.signingSecret,
        ),
      )}`
    : "Sign in with your district account.";
  await insertCommunications(tx, [
    {
      tenantId: ctx.actor.tenantId,
      kind: "password-link",
      channel: "email",
      toAddress: account.email,
      language: "en",
      subject: "Your NorthStar Interventions account",
      body: `Dear ${account.name},\n\n${ctx.actor.name} has given you access to NorthStar Interventions for ${ctx.actor.districtName}, as ${ROLE_LABELS[account.role].toLowerCase()}.\n\n${choose}\n\nThen sign in at ${links.appUrl}/sign-in with ${account.email}. If you did not expect this message, tell your district's administrator.\n\n${ctx.actor.districtName} · NorthStar Interventions`,
      reason: "Account access",
      required: true,
      status: "queued",
    },
  ]);
}
