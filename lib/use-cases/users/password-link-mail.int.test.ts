import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { staffWithoutAccount } from "@/db/queries/account-candidates";
import { insertCommunications } from "@/db/queries/communications/mailbox";
import { communications } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/domain/policy";
import { PASSWORD_LINK_NOTE } from "@/lib/domain/users/password-link-redaction";
import { mailerFromUrl } from "@/lib/integrations/mail/mailer";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { decodeMail, startTestSmtp } from "@/test/support/smtp";
import { deliverDueMail } from "../communications/deliver-due-mail";
import { getCommunication } from "../communications/get-communication";
import type { PublicContext } from "../context";
import { giveAccount } from "./give-account";
import { setPasswordFromLink } from "./set-password-from-link";

// Issue 14, item 3: a district admin could read a live password link in the mailbox and take the
// account over. The log keeps a note; only the e-mail that leaves carries the link.
const SECRET = "password-link-mail-secret-0123456789abcdef";
const APP_URL = "https://northstar.test";
const LINK = /https:\/\/northstar\.test\/set-password\?token=([^&\s]+)/;
let app: DatabaseHandle;
let cedarAdmin: Actor;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;

const publicCtx = (): PublicContext => ({
  db: app.db,
  now,
  requestId: "password-link-mail-test",
  secret: SECRET,
});

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  process.env.APP_URL = APP_URL;
  app = connect(inject("appUrl"), { max: 3 });
  cedarAdmin = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarAdmin);
  smtp = await startTestSmtp();
});

afterAll(async () => {
  delete process.env.APP_URL;
  await smtp.close();
  await app.close();
});

describe("a password link", () => {
  it("is kept out of the stored message and the mailbox, and works from the e-mail the person receives", async () => {
    const [person] = await withTenant(app.db, cedarAdmin, (tx) =>
      staffWithoutAccount(tx, cedarAdmin.tenantId, "", 1),
    );
    if (!person?.email) throw new Error("The demo district has staff without accounts");
    await giveAccount(contextOf(app.db, cedarAdmin), { staffId: person.staffId, role: "teacher" });

    const [stored] = await withTenant(app.db, cedarAdmin, (tx) =>
      tx
        .select()
        .from(communications)
        .where(
          and(
            eq(communications.toAddress, person.email as string),
            eq(communications.kind, "password-link"),
          ),
        )
        .orderBy(desc(communications.createdAt)),
    );
    if (!stored) throw new Error("A password link was queued");
    expect(stored.body).not.toMatch(/token=/);
    expect(stored.body).toContain(PASSWORD_LINK_NOTE.en);
    expect(stored.emailBody).toBeNull();

    // What the admin reads on the mailbox page.
    const shown = await getCommunication(contextOf(app.db, cedarAdmin), stored.id);
    expect(`${shown.body}${shown.emailBody ?? ""}`).not.toMatch(/set-password|token=/);

    const mailer = mailerFromUrl(smtp.url);
    try {
      const report = await deliverDueMail(
        { db: app.db, mailer, now, links: { appUrl: APP_URL, signingSecret: SECRET } },
        cedarAdmin.tenantId,
      );
      expect(report.sent).toBeGreaterThanOrEqual(1);
    } finally {
      mailer?.close();
    }
    const mail = smtp.received.find((m) => m.to.includes(person.email as string));
    const text = decodeMail(mail?.raw ?? "").body;
    expect(text).not.toContain(PASSWORD_LINK_NOTE.en);
    const token = decodeURIComponent(text.match(LINK)?.[1] ?? "");
    expect(
      await setPasswordFromLink(publicCtx(), token, "a long password from the e-mail"),
    ).toEqual(expect.objectContaining({ state: "done" }));

    // Sent, the row still holds no link, and the mailbox still shows none.
    const after = await getCommunication(contextOf(app.db, cedarAdmin), stored.id);
    expect(after.status).toBe("sent");
    expect(after.body).toBe(stored.body);
  });

  it("written into a message before links were kept out of the log, is not shown in the mailbox", async () => {
    const live = `${APP_URL}/set-password?token=abc.def-ghi&lang=es`;
    const [id] = await withTenant(app.db, cedarAdmin, (tx) =>
      insertCommunications(tx, [
        {
          tenantId: cedarAdmin.tenantId,
          kind: "password-link",
          toAddress: "old@cedarridge.example",
          language: "es",
          subject: "Su cuenta de NorthStar Interventions",
          body: `Elija su contraseña aquí:\n${live}\n\nGracias.`,
          status: "stored",
        },
      ]),
    );
    const shown = await getCommunication(contextOf(app.db, cedarAdmin), id as string);
    expect(shown.body).toBe(`Elija su contraseña aquí:\n${PASSWORD_LINK_NOTE.es}\n\nGracias.`);
  });
});
