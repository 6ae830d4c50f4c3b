import { randomUUID } from "node:crypto";
import { addDays, weekStartOf } from "@/lib/domain/calendar/dates";
import { expect, expectAccessible, signIn, test } from "./support";

/**
 * Issue 11, point 6, in Cedar Ridge (so no other spec's Maple Grove data moves): a group that
 * runs past the last day of the year, the admin's rollover page, the group ended and the year
 * closed, and a Tier 2 or 3 student's record keeping the tier with a carry-over decision.
 */

const CEDAR_ADMIN = "admin@cedarridge.example";

interface Page<T> {
  items: T[];
}

test("an admin closes the school year: a late group ends, tiers carry over, nothing lapses", async ({
  page,
}) => {
  await signIn(page, CEDAR_ADMIN);
  const years = await (await page.request.get("/api/v1/school-years")).json();
  const closing = years.rollover.year as { id: string; label: string; lastDay: string };
  const next = years.rollover.next as { label: string; firstDay: string };

  // A group of six weeks from three weeks before the last day: half of it after the summer.
  const staff = (await (await page.request.get("/api/v1/staff?limit=5")).json()) as Page<{
    id: string;
  }>;
  const name = `Bridge ${randomUUID().slice(0, 6)} - Tier 2`;
  const created = await page.request.post("/api/v1/interventions", {
    data: {
      name,
      tier: 2,
      focusArea: "Reading Fluency",
      startDate: weekStartOf(addDays(closing.lastDay, -21)),
      durationWeeks: 6,
      schedule: { days: ["TU", "TH"], startTime: "15:45", minutes: 30 },
      facilitatorIds: [staff.items[0]!.id],
      studentIds: [],
    },
  });
  expect(created.status(), await created.text()).toBe(201);

  const students = (await (await page.request.get("/api/v1/students?limit=100")).json()) as Page<{
    id: string;
    currentTier: number;
  }>;
  const tiered = students.items.find((s) => s.currentTier >= 2);
  expect(tiered, "Cedar Ridge's seed has a student in Tier 2 or 3").toBeDefined();

  // The rollover page asks about the late group; this one ends on the last day.
  await page.goto("/admin");
  await page.getByRole("link", { name: "School years" }).click();
  await expect(page.getByRole("heading", { name: "School years", level: 1 })).toBeVisible();
  await expect(page.getByTestId("school-year").filter({ hasText: next.label })).toBeVisible();
  const group = page.getByRole("group", { name: new RegExp(name) });
  await expect(group).toContainText(/sessions? after/);
  await expect(group.getByRole("radio", { name: /^Continue from/ })).toBeChecked();
  await group.getByRole("radio", { name: /^End on/ }).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Close ${closing.label}` }).click();
  const outcome = page.getByRole("region", { name: `Close ${closing.label}` }).getByRole("status");
  await expect(outcome).toContainText(`${closing.label} is closed.`);
  await expect(outcome).toContainText(/1 group ends/);
  await expect(outcome).toContainText(/tiers? carried over/);

  // Closed once; the next year is now the one to close, and needs its successor first.
  await page.reload();
  await expect(page.getByTestId("school-year").filter({ hasText: closing.label })).toContainText(
    "Closed",
  );
  await expect(page.getByRole("heading", { name: `Close ${next.label}` })).toBeVisible();
  await expect(page.getByText(`Enter the year after ${next.label} first`)).toBeVisible();

  // The student keeps the tier, with the decision on the record.
  await page.goto(`/students/${tiered!.id}`);
  const carried = page.getByTestId("tier-decision").filter({ hasText: "Carried over" });
  await expect(carried).toContainText(`into ${next.label}`);
  await expect(carried).toContainText(`Tier ${tiered!.currentTier}`);
  await expect(carried).not.toContainText("→");
});
