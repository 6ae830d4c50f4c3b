import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test, users } from "./support";

/** Phone width: the attendance taker is used between classes. */
test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

const GROUP = "Phonics Blends - Tier 2";
const NOTE = "Focused on phonics blends. Emma and Noah showed great progress.";
const SCENARIO_3: [string, "Present" | "Absent"][] = [
  ["Emma Wilson", "Present"],
  ["Liam Carter", "Present"],
  ["Sophia Martinez", "Absent"],
  ["Noah Thompson", "Present"],
  ["Olivia Brown", "Present"],
  ["Ava Nguyen", "Absent"],
];

async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
}

test("the facilitator takes Scenario 3's attendance on a phone, and Sophia and Ava need a follow-up", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  await page.getByRole("link", { name: "Today's sessions" }).click();
  await expect(page.getByRole("heading", { name: "Today's sessions" })).toBeVisible();
  await noSidewaysScroll(page);
  // The session to take is today's when the group meets today; on another day (a weekend, a
  // holiday) the last one still waits for its attendance, and an empty day says what is next.
  const todays = page.getByRole("list", { name: "Today's sessions" });
  const waiting = page.getByRole("region", {
    name: "Earlier sessions still waiting for attendance",
  });
  const todaysPhonics = todays.getByRole("link", { name: new RegExp(GROUP) });
  const waitingPhonics = waiting.getByRole("link", { name: new RegExp(GROUP) });
  await expect(todaysPhonics.or(waitingPhonics)).toBeVisible();
  if ((await todays.count()) === 0) {
    await expect(page.getByText(/^No sessions today — next: \w+day, \w+ \d+\.$/)).toBeVisible();
  }
  await ((await todaysPhonics.count()) > 0 ? todaysPhonics : waitingPhonics).click();
  await expect(page.getByRole("heading", { name: GROUP })).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page, "serious");

  // One tap per student; Olivia by keyboard alone: arrow keys move within her radio group.
  for (const [name, status] of SCENARIO_3) {
    if (name === "Olivia Brown") continue;
    await page.getByRole("group", { name }).getByText(status, { exact: true }).tap();
  }
  const olivia = page.getByRole("group", { name: "Olivia Brown" });
  await olivia.getByRole("radio", { name: "Absent" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(olivia.getByRole("radio", { name: "Present" })).toBeChecked();
  await expect(page.getByText("6 of 6 marked")).toBeVisible();
  await page.getByLabel("Session notes").fill(NOTE);

  // The network drops: the save retries, then says so, and nothing on screen is lost.
  await page.route("**/api/v1/sessions/*/attendance", (route) =>
    route.abort("internetdisconnected"),
  );
  await page.getByRole("button", { name: "Save attendance" }).click();
  const taker = page.getByRole("form", { name: "Take attendance" });
  await expect(taker.getByRole("alert")).toContainText("Not saved", { timeout: 15_000 });
  await expect(
    page.getByRole("group", { name: "Sophia Martinez" }).getByRole("radio", { name: "Absent" }),
  ).toBeChecked();
  await expect(page.getByLabel("Session notes")).toHaveValue(NOTE);

  // Even a reload keeps the marks: they were kept as a draft on the device.
  await page.reload();
  await expect(page.getByText(/Unsaved marks from .* were restored/)).toBeVisible();
  await expect(
    page.getByRole("group", { name: "Ava Nguyen" }).getByRole("radio", { name: "Absent" }),
  ).toBeChecked();
  await expect(page.getByLabel("Session notes")).toHaveValue(NOTE);

  await page.unroute("**/api/v1/sessions/*/attendance");
  await page.getByRole("button", { name: "Save attendance" }).click();
  const result = page.getByTestId("attendance-result");
  await expect(result).toContainText("4 of 6 attended (67%)");
  await expect(result).toContainText("Sophia Martinez");
  await expect(result).toContainText("Ava Nguyen");

  // Saved: the page now shows the rate, and a later change would need a reason.
  await page.reload();
  await expect(page.getByTestId("session-rate")).toContainText("67%");
  await expect(page.getByText(/Unsaved marks/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
  await page.getByRole("group", { name: "Ava Nguyen" }).getByText("Excused", { exact: true }).tap();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Say why you are changing saved attendance.")).toBeVisible();
  // Leave the saved record as Scenario 3 has it.
  await page.getByRole("group", { name: "Ava Nguyen" }).getByText("Absent", { exact: true }).tap();

  await page.getByRole("link", { name: "Dashboard" }).click();
  const followUps = page.getByTestId("follow-up-list");
  await expect(followUps).toContainText("Sophia Martinez");
  await expect(followUps).toContainText("Ava Nguyen");
  await expect(followUps).not.toContainText("Emma Wilson");
  await noSidewaysScroll(page);
});
