import type { Page, Response } from "@playwright/test";
import { expect, signIn, signOut, test, users } from "./support";

/**
 * The nonce-based Content-Security-Policy (proxy.ts, lib/security-headers.ts) against the real
 * build in Chromium: every page's own scripts run (the page works), the browser reports no
 * violation on any of them (the `cspViolations` fixture of ./support fails every test of the
 * suite on one), and markup injected into the page runs no script.
 */

const GROUP = "Phonics Blends - Tier 2";

/** The nonce in the response's one policy; every nonce on the page's scripts is that one. */
async function nonceOf(page: Page, response: Response | null): Promise<string> {
  expect(response?.ok(), `${page.url()} answers`).toBe(true);
  const policies = (await response!.headersArray()).filter(
    (header) => header.name.toLowerCase() === "content-security-policy",
  );
  expect(policies, "one policy, the proxy's").toHaveLength(1);
  const policy = policies[0]!.value;
  const scripts = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? "";
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).toContain("'strict-dynamic'");
  expect(policy).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(scripts)?.[1];
  expect(nonce, "the policy names a nonce").toBeDefined();
  // The browser hides a nonce from getAttribute; the property still reads it.
  const onScripts = await page.evaluate(() =>
    Array.from(document.scripts, (script) => script.nonce).filter(Boolean),
  );
  expect(onScripts.length, "Next put the nonce on its scripts").toBeGreaterThan(0);
  expect(new Set(onScripts)).toEqual(new Set([nonce]));
  return nonce!;
}

/** Opens `path` and checks its policy; returns the nonce it was served with. */
async function open(page: Page, path: string): Promise<string> {
  return nonceOf(page, await page.goto(path));
}

test("the sign-in page, the link pages and a 404 run their scripts under a new nonce each load", async ({
  page,
  cspViolations,
}) => {
  const first = await open(page, "/sign-in");
  const second = await open(page, "/sign-in");
  expect(second).not.toBe(first);
  // Hydrated: a wrong password is answered by the form's server action, on the page.
  await page.getByLabel("E-mail address").fill("nobody@maplegrove.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: /do not match|Too many tries/ }),
  ).toBeVisible();

  await open(page, "/forgot-password");
  // The signed-link pages, without a link: they say so, under the same policy.
  for (const path of ["/unsubscribe", "/opt-out", "/set-password"]) await open(page, path);
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  expect(missing?.headers()["content-security-policy"]).toMatch(/'nonce-[^']+'/);
  expect(cspViolations).toEqual([]);
});

test("a specialist's pages, a form checked in the browser and the API reference: no violation", async ({
  page,
  cspViolations,
}) => {
  await signIn(page, users.specialist);
  for (const path of [
    "/dashboard",
    "/sessions",
    "/caseload",
    "/exit-reviews",
    "/meetings",
    "/reports/at-risk",
    "/templates",
  ])
    await open(page, path);
  await open(page, "/api-docs");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();

  await open(page, "/dashboard");
  await page.getByRole("link", { name: GROUP }).first().click();
  await page.waitForURL(/\/interventions\/[0-9a-f-]{36}$/);
  await page.getByRole("link", { name: "Progress notes, measure and goal" }).click();
  await expect(page.getByRole("heading", { name: "Progress notes" })).toBeVisible();

  // The form's schema runs in the browser: field errors, nothing sent.
  await open(page, "/interventions/new");
  await page.getByRole("button", { name: "Create intervention" }).click();
  await expect(page.getByText("Give the intervention a name.")).toBeVisible();
  await signOut(page);
  expect(cspViolations).toEqual([]);
});

test("a parent's portal, a child's page and the disclosure log: no violation", async ({
  page,
  cspViolations,
}) => {
  await signIn(page, users.parent);
  await open(page, "/portal");
  await expect(page.getByRole("heading", { name: "Your family", level: 1 })).toBeVisible();
  const child = page.locator('a[href^="/portal/children/"]').first();
  const href = await child.getAttribute("href");
  expect(href).toMatch(/^\/portal\/children\/[0-9a-f-]{36}$/);
  await open(page, href!);
  // The disclosure log prints without the header through an inline <style>.
  await open(page, `${href}/disclosures`);
  await signOut(page);
  expect(cspViolations).toEqual([]);
});

test("markup injected into a page runs no script, and the browser reports it", async ({
  page,
  cspViolations,
}) => {
  await open(page, "/sign-in");
  // What an HTML injection (a name rendered unescaped) would put in a page: an event handler.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      "beforeend",
      '<img alt="" src="/no-such-image.png" onerror="window.injectedRan = true">',
    );
  });
  await expect.poll(() => cspViolations.join("\n")).toContain("script-src-attr");
  expect(
    await page.evaluate(() => (window as unknown as { injectedRan?: boolean }).injectedRan),
  ).toBeUndefined();
  // Provoked on purpose and checked: the fixture's check after the test looks for others.
  cspViolations.length = 0;
});

test("API responses, static files and icons skip the proxy: no nonce, no inline script", async ({
  request,
}) => {
  // One of the build's own files, as the sign-in page names it.
  const signInPage = await (await request.get("/sign-in")).text();
  const chunk = /\/_next\/static\/[^"]+\.js/.exec(signInPage)?.[0];
  expect(chunk, "the page loads the build's scripts").toBeDefined();
  for (const path of ["/api/v1/openapi.json", "/icon.svg", "/manifest.webmanifest", chunk!]) {
    const response = await request.get(path);
    expect(response.ok(), path).toBe(true);
    const policy = response.headers()["content-security-policy"] ?? "";
    expect(policy, path).toContain("script-src 'self'; ");
    expect(policy, path).not.toContain("nonce-");
    expect(response.headers()["strict-transport-security"], path).toContain("max-age=63072000");
  }
});
