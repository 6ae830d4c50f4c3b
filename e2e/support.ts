import AxeBuilder from "@axe-core/playwright";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  expect,
  type Page,
} from "@playwright/test";
import { now } from "@/lib/clock";
import { addDays } from "@/lib/domain/calendar/dates";
import { demoToday } from "@/scripts/seed/accounts";

export { expect };

/**
 * The browser's clock agrees with the server's: both read the instant playwright.config.ts
 * pinned (lib/clock.ts), which runs on from the same moment, so a date rendered in the browser
 * is the date the server means. A context a test opens itself goes through `pinBrowserClock`.
 */
export async function pinBrowserClock(context: BrowserContext): Promise<void> {
  await context.clock.install({ time: now() });
}

/** A page in a browser context of its own (another person at another computer), clock pinned. */
export async function pageOfItsOwn(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext(options);
  await pinBrowserClock(context);
  return context.newPage();
}

/**
 * Every violation of the Content-Security-Policy the browser reports on `page`, from both sides:
 * the console line Chromium writes ("… violates the following Content Security Policy directive
 * …") and the `securitypolicyviolation` event, passed out through a binding (neither is subject
 * to the policy).
 */
async function watchCspViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) seen.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (line: string) => seen.push(line));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (line: string) => void })
      .reportCspViolation;
    document.addEventListener("securitypolicyviolation", (event) => {
      report(`${event.effectiveDirective} refused ${event.blockedURI} on ${event.documentURI}`);
    });
  });
  return seen;
}

export const test = base.extend<{ cspViolations: string[] }>({
  context: async ({ context }, use) => {
    await pinBrowserClock(context);
    await use(context);
  },
  // Every test's page fails on a CSP violation (proxy.ts, lib/security-headers.ts): a page whose
  // own script the policy refuses is broken for its users. A test that provokes one on purpose
  // checks it and empties the list.
  cspViolations: [
    async ({ page }, use) => {
      const violations = await watchCspViolations(page);
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export const DEMO_PASSWORD = "demo-password-2025";

export const users = {
  specialist: "johnson@maplegrove.example",
  teacher: "teacher@maplegrove.example",
  parent: "parent@maplegrove.example",
  admin: "admin@maplegrove.example",
  cedarSpecialist: "specialist@cedarridge.example",
} as const;

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Sign out|Salir/ }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** The demo district's date `days` from the pinned today. */
export function dayFromToday(days: number): string {
  return addDays(demoToday(now()), days);
}

/**
 * Fails on WCAG 2 A/AA problems axe finds on the page as it is now: every one (`"all"`), or the
 * serious and critical ones on pages that still carry known minor findings.
 */
export async function expectAccessible(page: Page, level: "all" | "serious" = "all") {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const counted =
    level === "all"
      ? violations
      : violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(counted.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
}
