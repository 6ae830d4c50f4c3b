import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { nowMs } from "@/lib/clock";
import { UnauthenticatedError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { TooManyRequestsError } from "@/lib/domain/security/too-many-requests";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { createApiToken } from "./create-api-token";
import { authenticateTokenFrom } from "./throttled-token";

const SECRET = "token-throttle-secret-0123456789abcdef";
let app: DatabaseHandle;
let admin: Actor;
const deps = (minutes = 0) => ({
  db: app.db,
  now: new Date(nowMs() + minutes * 60_000),
  secret: SECRET,
});

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
});

afterAll(() => app.close());

describe("bad API tokens, counted per client", () => {
  it("pause a client after twenty, before any token is looked up, with the time to wait", async () => {
    const { token } = await createApiToken(contextOf(app.db, admin), {
      name: "Throttle test",
      role: "specialist",
    });
    const attacker = "203.0.113.66";
    for (let i = 0; i < 20; i++) {
      await expect(authenticateTokenFrom(deps(), `Bearer nst_guess${i}`, attacker)).rejects.toThrow(
        UnauthenticatedError,
      );
    }
    const paused = await authenticateTokenFrom(deps(), "Bearer nst_guess20", attacker).catch(
      (error: unknown) => error,
    );
    expect(paused).toBeInstanceOf(TooManyRequestsError);
    expect((paused as TooManyRequestsError).retryAfterSeconds).toBe(60);
    // Even a good token waits: the pause is decided before the lookup.
    await expect(authenticateTokenFrom(deps(), `Bearer ${token}`, attacker)).rejects.toThrow(
      TooManyRequestsError,
    );
    // Another client is not held back, and the attacker's pause ends.
    await expect(
      authenticateTokenFrom(deps(), `Bearer ${token}`, "192.0.2.44"),
    ).resolves.toMatchObject({ tenantId: admin.tenantId });
    await expect(
      authenticateTokenFrom(deps(2), `Bearer ${token}`, attacker),
    ).resolves.toMatchObject({ tenantId: admin.tenantId });
  });
});
