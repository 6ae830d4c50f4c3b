import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, expectAccessible, signIn, test, users } from "./support";

/**
 * Scenario 12 as a district admin lives it: a tier decision with its justification, found in the
 * audit viewer; a compliance export that is recorded as a disclosure; API tokens that show their
 * last use and stop working when revoked.
 */

test("a tier decision with its reason is found in the audit trail, and exports are disclosures", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, users.admin);
  await page.goto("/admin");
  await expect(page.getByRole("link", { name: "Audit trail" })).toBeVisible();
  await expect(page.getByRole("link", { name: "API tokens" })).toBeVisible();
  await page.getByRole("link", { name: "Audit trail" }).click();
  await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
  await expectAccessible(page);

  // A grade 7 student: the named grade 3 children belong to the other specs' scenarios.
  const [student] = (await (await page.request.get("/api/v1/students?grade=7&limit=1")).json())
    .items;
  const fullName = `${student.firstName} ${student.lastName}`;
  await page.getByRole("combobox", { name: "Student" }).fill(fullName);
  await page
    .getByRole("option", { name: new RegExp(fullName) })
    .first()
    .click();
  await page.getByRole("button", { name: "Show entries" }).click();
  await expect(page).toHaveURL(/studentId=/);
  await page.getByRole("link", { name: /Compliance record and export/ }).click();
  await expect(page.getByRole("heading", { name: `${fullName}: compliance record` })).toBeVisible();
  await expectAccessible(page);

  const label = await page.getByText(/^New tier \(now tier \d\)$/).textContent();
  const current = Number(label?.match(/tier (\d)/)?.[1]);
  const target = current === 3 ? 2 : current + 1;
  const reason = `Team decision ${randomUUID().slice(0, 8)}: below the aim line for six weeks.`;
  await page.getByLabel(/New tier/).selectOption(String(target));
  await page.getByLabel("Justification").fill(reason);
  await page.getByRole("button", { name: "Record tier decision" }).click();
  await expect(page.getByRole("status")).toContainText(`now tier ${target}`);

  const studentId = page.url().match(/students\/([0-9a-f-]{36})/)?.[1];
  await page.goto(`/admin/audit?studentId=${studentId}&action=student.tier_changed`);
  const row = page.getByTestId("audit-row").filter({ hasText: reason });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Dr. Patricia Reyes");
  await expect(row).toContainText("student.tier_changed");

  // The CSV export leaves a disclosure record and carries the justification.
  await page.goto(`/admin/audit/students/${studentId}`);
  await page.getByLabel("Disclosed to").fill("IEP team, Maple Grove Elementary");
  await page.getByLabel("Purpose").fill("Annual IEP review");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^compliance-record-.*\.csv$/);
  const csv = readFileSync((await download.path()) ?? "", "utf8");
  expect(csv).toContain(reason);

  // The printable page is reached through a recorded disclosure only.
  await page.getByLabel("Disclosed to").fill("Parent of the student");
  await page.getByLabel("Purpose").fill("Copy requested by the parent");
  await page.getByRole("button", { name: "Open printable page" }).click();
  await expect(page).toHaveURL(/\/print\?disclosure=/);
  await expect(page.getByText("Disclosed to Parent of the student")).toBeVisible();
  await expect(page.getByText(reason).first()).toBeVisible();

  await page.goto(`/admin/audit/students/${studentId}`);
  await expect(page.getByTestId("disclosure-row")).toHaveCount(2);
  await page.goto(`/admin/audit?studentId=${studentId}&action=disclosure.recorded`);
  await expect(page.getByTestId("audit-row")).toHaveCount(2);
});

test("API tokens record their last use and stop working when revoked", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page, users.admin);
  await page.goto("/admin/tokens");
  await expectAccessible(page);
  const name = `Roster sync ${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Name").fill(name);
  // A token lives 1 to 365 days: anything else is the field's error, and nothing is made.
  const days = page.getByLabel("Works for (days)");
  await expect(days).toHaveValue("90");
  for (const wrong of ["0", "400"]) {
    await days.fill(wrong);
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByText("A token lives 1 to 365 days.")).toBeVisible();
    await expectAccessible(page);
  }
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await days.fill("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").inputValue();
  const row = page.getByTestId("token-row").filter({ hasText: name });
  await expect(row.getByTestId("token-last-used")).toHaveText("Never");
  await expect(row.getByTestId("token-expires")).not.toBeEmpty();
  await expect(row.getByTestId("token-expires")).not.toContainText("Expired");

  const client = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  expect((await client.get("/api/v1/interventions?limit=1")).status()).toBe(200);
  // What a token does is audited under its creator, marked as done through a token.
  const [student] = (await (await client.get("/api/v1/students?limit=1&grade=5")).json()).items;
  const change = await client.post(`/api/v1/students/${student.id}/tier`, {
    data: {
      toTier: student.currentTier === 3 ? 2 : student.currentTier + 1,
      reason: `Decided by ${name}`,
    },
  });
  expect(change.status()).toBe(201);
  await page.goto(`/admin/audit?studentId=${student.id}&action=student.tier_changed`);
  const audited = page.getByTestId("audit-row").filter({ hasText: `Decided by ${name}` });
  await expect(audited).toContainText("Dr. Patricia Reyes");
  await expect(audited).toContainText("via API token");
  await page.goto("/admin/tokens");
  await expect(row.getByTestId("token-last-used")).not.toHaveText("Never");

  await row.getByRole("button", { name: /Revoke/ }).click();
  await row.getByRole("button", { name: `Yes, revoke “${name}”` }).click();
  await expect(row).toContainText("Revoked");
  expect((await client.get("/api/v1/interventions?limit=1")).status()).toBe(401);
  await client.dispose();
});

test("only district admins reach the administration pages", async ({ page }) => {
  await signIn(page, users.specialist);
  for (const path of ["/admin", "/admin/tokens", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: /\/api\/v1\/interventions\/\{id\}/ }).first(),
  ).toBeVisible();
});

test("a specialist's tier decision on the student page, and the reading of the record, are in the audit trail", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  // A grade 6 student: the other specs follow grades 3, 5 and 7.
  const [student] = (await (await page.request.get("/api/v1/students?grade=6&limit=1")).json())
    .items;
  await page.goto(`/students/${student.id}`);
  const fullName = `${student.firstName} ${student.lastName}`;
  await expect(page.getByRole("heading", { name: fullName })).toBeVisible();

  const label = await page.getByText(/^New tier \(now tier \d\)$/).textContent();
  const current = Number(label?.match(/tier (\d)/)?.[1]);
  const target = current === 3 ? 2 : current + 1;
  const reason = `Grade team ${randomUUID().slice(0, 8)}: two probes below the aim line.`;
  await page.getByLabel(/New tier/).selectOption(String(target));
  await page.getByLabel("Justification").fill(reason);
  await page.getByRole("button", { name: "Record tier decision" }).click();
  await expect(page.getByRole("status")).toContainText(`now tier ${target}`);
  await page.reload();
  await expect(page.getByTestId("tier-history")).toContainText(`Tier ${target}`);
  await expectAccessible(page);

  await page.getByRole("button", { name: /Sign out/ }).click();
  await signIn(page, users.admin);
  await page.goto(`/admin/audit?studentId=${student.id}&action=student.tier_changed`);
  const decision = page.getByTestId("audit-row").filter({ hasText: reason });
  await expect(decision).toContainText("Sarah Johnson");
  await page.goto(`/admin/audit?studentId=${student.id}&action=student.read`);
  await expect(
    page.getByTestId("audit-row").filter({ hasText: "Sarah Johnson" }).first(),
  ).toBeVisible();
});
