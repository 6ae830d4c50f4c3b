import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { ssoSignIn } from "./sso-sign-in";

let app: DatabaseHandle;
let specialist: Actor;
const maple = { districtSlug: "maple-grove", trustedTenantIds: [] };
const cedar = { districtSlug: "cedar-ridge", trustedTenantIds: [] };
const email = DEMO_ACCOUNTS.specialist;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  specialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
});

afterAll(() => app.close());

describe("district SSO, as the app role", () => {
  it("lets a confirmed address into its account, through its own district's issuer only", async () => {
    await expect(ssoSignIn(app.db, { email, email_verified: true }, maple)).resolves.toEqual({
      ok: true,
      tenantId: specialist.tenantId,
      userId: specialist.userId,
    });
    // Cedar Ridge's directory may say what address it likes: Maple Grove's accounts stay shut.
    await expect(ssoSignIn(app.db, { email, email_verified: true }, cedar)).resolves.toEqual({
      ok: false,
      reason: "other-district",
    });
  });

  it("refuses an unconfirmed address and an address without an account", async () => {
    await expect(ssoSignIn(app.db, { email }, maple)).resolves.toMatchObject({
      reason: "unverified",
    });
    await expect(
      ssoSignIn(app.db, { email: "nobody@nowhere.example", email_verified: true }, maple),
    ).resolves.toMatchObject({ reason: "not-provisioned" });
  });
});
