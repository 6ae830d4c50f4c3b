import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { insertCommunications } from "@/db/queries/communications/mailbox";
import { communications } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import { deliverDueMail } from "@/lib/use-cases/communications/deliver-due-mail";
import { createTestDistrict } from "@/test/fixtures/oneroster/district";
import { startTestSmtp } from "@/test/support/smtp";
import { mailerFromUrl } from "./mailer";

/**
 * SMTP_TLS against a real SMTP server that offers no STARTTLS (test/support/smtp.ts): when TLS
 * is required, nothing is sent in clear; the message stays queued with the reason, as the mail
 * worker reports every failed attempt, and is retried.
 */

let app: DatabaseHandle;
let owner: DatabaseHandle;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let tenantId: string;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  owner = connect(inject("ownerUrl"), { max: 2 });
  smtp = await startTestSmtp();
  ({ tenantId } = await createTestDistrict(inject("ownerUrl"), app.db, "Plaintext Falls"));
});

afterAll(async () => {
  await smtp.close();
  await app.close();
  await owner.close();
});

async function queueOne(subject: string): Promise<string> {
  const [id] = await withTenant(owner.db, { tenantId }, (tx) =>
    insertCommunications(tx, [
      {
        tenantId,
        kind: "tls-test",
        channel: "email",
        toAddress: "principal@plaintext-falls.example",
        language: "en",
        subject,
        body: "A letter that names a child.",
        status: "queued",
        createdAt: now(),
      },
    ]),
  );
  if (!id) throw new Error("Nothing queued");
  return id;
}

async function messageById(id: string) {
  const [row] = await withTenant(owner.db, { tenantId }, (tx) =>
    tx
      .select()
      .from(communications)
      .where(and(eq(communications.tenantId, tenantId), eq(communications.id, id))),
  );
  return row;
}

describe("SMTP_TLS", () => {
  it("with TLS required, refuses a server that offers no STARTTLS: nothing leaves in clear, the message waits with the reason", async () => {
    const id = await queueOne("Required TLS");
    const mailer = mailerFromUrl(smtp.url, undefined, "require");
    const report = await deliverDueMail({ db: owner.db, mailer, now }, tenantId);
    mailer?.close();
    expect(report).toMatchObject({ sent: 0, retrying: 1 });
    expect(smtp.received.filter((m) => m.raw.includes("Required TLS"))).toEqual([]);
    const row = await messageById(id);
    expect(row).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
    expect(row?.lastError).toMatch(/SMTP_TLS requires TLS .* Nothing was sent in clear/);
  });

  it("by default sends to a relay on this machine that offers no STARTTLS", async () => {
    const id = await queueOne("Loopback relay");
    const mailer = mailerFromUrl(smtp.url);
    await deliverDueMail({ db: owner.db, mailer, now }, tenantId);
    mailer?.close();
    expect(smtp.received.filter((m) => m.raw.includes("Loopback relay"))).toHaveLength(1);
    expect((await messageById(id))?.status).toBe("sent");
  });
});
