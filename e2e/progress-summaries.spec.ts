import { dayFromToday, expect, expectAccessible, signIn, signOut, test, users } from "./support";

/**
 * Issue 13, point 1, as the people do it: an admin adds a reporting period that ended
 * yesterday; within the minute the job writes each family's summary; Emma Wilson's mother reads
 * hers in the portal; a specialist previews the next one and holds it.
 */

const PERIOD = "Mid-term check-in";

test("a period ends, the families get their summaries, a specialist holds the next one", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, users.admin);
  await page.goto("/admin/school-years");
  const calendar = page.getByRole("region", { name: "Reporting periods" });
  const thisYear = calendar.getByRole("region", { name: /^Reporting periods of / }).first();
  await thisYear.getByRole("button", { name: "Add a reporting period" }).click();
  await thisYear.getByLabel("Name").fill(PERIOD);
  await thisYear.getByLabel("Last day").fill(dayFromToday(-1));
  await thisYear.getByRole("button", { name: "Add reporting period" }).click();
  // The save refreshes the page while the server may already be writing the summaries.
  await expect(thisYear.getByRole("cell", { name: PERIOD, exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await expectAccessible(page);

  // The job runs every minute: the letters appear in the mailbox.
  await expect(async () => {
    await page.goto(`/admin/mailbox?q=${encodeURIComponent("progress summary")}`);
    await expect(
      page
        .getByTestId("mailbox-row")
        .filter({ hasText: `Progress summary, ${PERIOD}` })
        .first(),
    ).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
  await signOut(page);

  // Emma's mother reads it in the portal, on her phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, users.parent);
  await page.goto("/portal");
  await page
    .getByTestId("letters")
    .getByText("A progress summary from Maple Grove School District")
    .first()
    .click();
  await expect(
    page.getByText(`This is Emma's progress summary for ${PERIOD}`).first(),
  ).toBeVisible();
  const pdfLink = page.getByRole("link", { name: "Download the summary (PDF)" }).first();
  const pdf = await page.request.get((await pdfLink.getAttribute("href")) as string);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await signOut(page);

  // The specialist previews Emma's next summary and holds it.
  await signIn(page, users.specialist);
  const { items } = await (await page.request.get("/api/v1/students?q=Emma%20Wilson")).json();
  await page.goto(`/students/${items[0].id}/summary`);
  await expect(page.getByRole("heading", { name: "Progress summary", level: 1 })).toBeVisible();
  await expect(page.getByTestId("summary-preview").first()).toContainText("Emma");
  await page.getByLabel("Why hold it?").fill("Talk with the family at conferences first.");
  await page.getByRole("button", { name: "Hold this summary" }).click();
  await expect(page.getByText("Held: Talk with the family at conferences first.")).toBeVisible();
  await page.getByRole("button", { name: "Release the hold" }).click();
  await expect(page.getByRole("button", { name: "Hold this summary" })).toBeVisible();
  await expect(page.getByText(`${PERIOD}`).first()).toBeVisible();
  await expectAccessible(page);
});
