import { readFileSync } from "node:fs";
import path from "node:path";
import { and, desc, eq, sql } from "drizzle-orm";
import { connect } from "@/db/client";
import { communications } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { config } from "@/lib/config";
import { passwordLinkMailText } from "@/lib/use-cases/users/password-link-at-send";

/**
 * The set-password link in the e-mail the mail worker sends to `email` for its newest password
 * message. The end-to-end app runs without a mail server and the mailbox shows no link (issue 14,
 * item 3), so the test, standing in for the recipient's inbox, writes the e-mail's text the way
 * the worker does (passwordLinkMailText), from the run's database (as its superuser, whose
 * password the embedded server keeps beside its data) and the app's signing secret.
 */
export async function passwordLinkMailedTo(email: string): Promise<URL> {
  const settings = config();
  const dataDir = settings.E2E_DATA_DIR;
  const pgDir = path.join(dataDir, "pg");
  const password = readFileSync(`${pgDir}.admin-password`, "utf8").trim();
  const handle = connect(
    `postgres://postgres:${password}@127.0.0.1:${settings.E2E_EMBEDDED_PG_PORT}/northstar_e2e`,
    { max: 1 },
  );
  try {
    const [message] = await handle.db
      .select()
      .from(communications)
      .where(
        and(
          sql`lower(${communications.toAddress}) = lower(${email})`,
          eq(communications.kind, "password-link"),
        ),
      )
      .orderBy(desc(communications.createdAt))
      .limit(1);
    if (!message) throw new Error(`No password link was queued for ${email}`);
    const text = await withTenant(handle.db, { tenantId: message.tenantId }, (tx) =>
      passwordLinkMailText(
        tx,
        message.tenantId,
        { ...message, toAddress: email },
        {
          appUrl: "http://mail.invalid",
          signingSecret:
            settings.AUTH_SECRET ?? readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim(),
        },
      ),
    );
    const link = text?.match(/https?:\/\/\S+\/set-password\?token=\S+/)?.[0];
    if (!link) throw new Error(`The e-mail to ${email} carries no password link`);
    return new URL(link);
  } finally {
    await handle.close();
  }
}
