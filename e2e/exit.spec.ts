import { expect, signIn, signOut, test, users } from "./support";

/**
 * Scenario 11, from the flag to the celebration letter: the seed leaves one student of Mr.
 * Alvarez's Intensive Reading group meeting the data criteria (three proficient probes in a row,
 * a benchmark at grade level), flagged by the evaluation. The facilitator recommends, the
 * specialist reads the report and approves, the family's celebration letter is in the mailbox.
 */

const GROUP = "Intensive Reading - Tier 3";
const FACILITATOR = "facilitator@maplegrove.example";

test("Scenario 11: flagged, recommended, approved, celebrated", async ({ page }) => {
  // The facilitator's dashboard: ready for an exit recommendation.
  await signIn(page, FACILITATOR);
  await page.goto("/dashboard");
  const ready = page.getByRole("region", { name: "Ready for an exit recommendation" });
  const item = ready.getByRole("listitem").filter({ hasText: GROUP }).first();
  await expect(item).toBeVisible();
  await expect(item.getByTestId("exit-report")).toContainText("Consecutive proficient probes");
  await expect(item.getByTestId("exit-report")).toContainText("Benchmark at grade level");
  const student = ((await item.locator("p.font-semibold").first().textContent()) ?? "")
    .split("·")[0]
    ?.trim() as string;
  expect(student.length).toBeGreaterThan(0);
  await item.getByLabel("Note for the specialist (optional)").fill("Reads fluently in class now.");
  await item.getByRole("button", { name: "Recommend exit" }).click();
  await expect(page.getByText(`Exit recommended for ${student}.`)).toBeVisible();
  await signOut(page);

  // The specialist's exit-review list: the report and the decision.
  await signIn(page, users.specialist);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Exit reviews" })
    .click();
  await expect(page.getByRole("heading", { name: "Exit reviews" })).toBeVisible();
  const review = page.getByRole("region", { name: `Exit review of ${student}` });
  await expect(review).toContainText("Reads fluently in class now.");
  await expect(review.getByTestId("exit-report")).toContainText("Facilitator recommends");
  await review.getByRole("button", { name: "Approve exit" }).click();
  await expect(
    page.getByText(`${student} has exited; the family's letter is queued.`),
  ).toBeVisible();
  await page.goto("/exit-reviews?status=approved");
  await expect(page.getByRole("region", { name: `Exit review of ${student}` })).toBeVisible();
  await signOut(page);

  // The family's celebration letter, in the communications log.
  await signIn(page, users.admin);
  await page.goto("/admin/mailbox");
  await expect(
    page
      .getByTestId("mailbox-row")
      .filter({ hasText: `Exit from ${GROUP}: criteria met` })
      .first(),
  ).toBeVisible();
});
