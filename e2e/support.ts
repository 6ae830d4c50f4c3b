import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

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

/** The district calendar's date `days` from today (America/Chicago, the demo district's zone). */
export function dayFromToday(days: number): string {
  const today = new Date().toLocaleDateString("en-CA", { timeZone: "America/Chicago" });
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
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
