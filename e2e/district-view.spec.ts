import { readFileSync } from "node:fs";
import { expect, expectAccessible, signIn, test, users } from "./support";

/**
 * Issue 12, items 1 and 2: the admin's district view of every active group (sorted, filtered,
 * exported) and the specialist's caseload. Other specs may add groups first, so the counts here
 * are read from the page rather than fixed.
 */

test("an admin sorts the district view by % progressing, filters by a school and exports it", async ({
  page,
}) => {
  await signIn(page, users.admin);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "District view" })
    .click();
  await expect(page.getByRole("heading", { name: "District view" })).toBeVisible();
  const rows = page.getByTestId("district-row");
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole("link", { name: "Phonics Blends - Tier 2" })).toHaveAttribute(
    "href",
    /\/interventions\/[0-9a-f-]+\/effectiveness$/,
  );
  // No hourly cost is recorded: the page says costs are in staff hours.
  await expect(page.getByTestId("cost-note")).toContainText("staff hours");
  // Every "—" carries its reason (no measure and goal, no score yet, no gain…) in its title.
  // Which groups have one depends on what other specs set first (progress.spec.ts sets a goal).
  for (const missing of await page.getByTestId("no-figure").all()) {
    await expect(missing).toHaveAttribute("title", /\w/);
  }
  await expectAccessible(page, "serious");

  // Sort by % progressing, highest first on the second click; rows without a figure stay last.
  await page.getByRole("link", { name: "% progressing" }).click();
  await expect(page).toHaveURL(/sort=progressing&direction=asc/);
  await page.getByRole("link", { name: /% progressing/ }).click();
  await expect(page).toHaveURL(/sort=progressing&direction=desc/);
  await expect(page.getByRole("columnheader", { name: /% progressing/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  const rates = (await rows.getByTestId("progressing").allTextContents()).map((text) => {
    const match = /(\d+)%/.exec(text);
    return match ? Number(match[1]) : null;
  });
  const known = rates.filter((rate) => rate !== null);
  expect(known).toEqual([...known].sort((a, b) => b - a));
  expect(rates.slice(known.length).every((rate) => rate === null)).toBe(true);

  // Narrow to one school: every row is of that school, the sort is kept.
  await page.getByLabel("School").selectOption({ label: "Maple Grove Elementary" });
  await page.getByRole("button", { name: "Show groups" }).click();
  await expect(page).toHaveURL(/schoolId=/);
  await expect(page).toHaveURL(/sort=progressing/);
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(1);
  for (const school of await rows.getByTestId("school").allTextContents()) {
    expect(school).toBe("Maple Grove Elementary");
  }

  // The CSV holds the header and one line per group shown.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^district-effectiveness-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path()) ?? "", "utf8")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toMatch(/^Group,School,Tier,Focus area,Facilitators,/);
  expect(lines).toHaveLength(count + 1);
  expect(lines.slice(1).every((line) => line.includes("Maple Grove Elementary"))).toBe(true);
});

test("a specialist opens their caseload and finds Emma Wilson in the Phonics group", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Caseload" })
    .click();
  await expect(page.getByRole("heading", { name: "Caseload" })).toBeVisible();
  // One row per student and group: Emma may be in a group another spec created too.
  const emma = page
    .getByTestId("caseload-row")
    .filter({ hasText: "Emma Wilson" })
    .filter({ hasText: "Phonics Blends - Tier 2" });
  await expect(emma).toHaveCount(1);
  // The chance is said in words, never by colour alone.
  await expect(emma.getByTestId("chance")).toHaveText(
    /^(On track|At risk|Unlikely|Not enough data)/,
  );
  await expect(emma.getByTestId("next-decision")).toContainText(
    /(Midpoint review|End-of-intervention decision)/,
  );
  await expectAccessible(page, "serious");
});
