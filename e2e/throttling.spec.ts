import { randomUUID } from "node:crypto";
import { expect, expectAccessible, test } from "./support";

/**
 * What a person or a script notices of the counters of decision 0012 beyond sign-in: a fourth
 * "Forgot your password?" in an hour for one address is paused (known address or not), and a
 * client that keeps sending bad API tokens is told 429 with Retry-After.
 */
test("a fourth password link in an hour for one address is paused, and the page says for how long", async ({
  page,
}) => {
  const email = `stranger-${randomUUID().slice(0, 8)}@elsewhere.example`;
  for (let i = 0; i < 3; i++) {
    await page.goto("/forgot-password");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "E-mail me a link" }).click();
    await expect(page.getByRole("status")).toContainText(`If ${email} has a NorthStar account`);
  }
  await page.goto("/forgot-password");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "E-mail me a link" }).click();
  const paused = page.getByRole("alert").filter({ hasText: "Too many links were asked" });
  await expect(paused).toContainText("no more are sent for 15 minutes");
  await expectAccessible(page);
});

test("a client that keeps sending bad API tokens is paused with 429 and Retry-After", async ({
  playwright,
  baseURL,
}) => {
  // Without a trusted proxy the connection's address counts; the header Next.js would fill in
  // is set here so that this test's pause touches no other test's requests.
  const attacker = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" },
  });
  for (let i = 0; i < 20; i++) {
    const refused = await attacker.get("/api/v1/interventions?limit=1", {
      headers: { authorization: `Bearer nst_guess-${i}` },
    });
    expect(refused.status()).toBe(401);
  }
  const paused = await attacker.get("/api/v1/interventions?limit=1", {
    headers: { authorization: "Bearer nst_guess-20" },
  });
  expect(paused.status()).toBe(429);
  expect(paused.headers()["retry-after"]).toBe("60");
  expect(paused.headers()["content-type"]).toContain("application/problem+json");
  await attacker.dispose();

  const other = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": "203.0.113.78" },
  });
  const elsewhere = await other.get("/api/v1/interventions?limit=1", {
    headers: { authorization: "Bearer nst_guess-21" },
  });
  expect(elsewhere.status()).toBe(401);
  await other.dispose();
});
