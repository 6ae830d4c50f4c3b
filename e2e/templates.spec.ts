import { randomUUID } from "node:crypto";
import { expect, expectAccessible, signIn, test, users } from "./support";

/** Seeded in Maple Grove's district library (scripts/seed/template-library.ts). */
const TEMPLATE = "Tier 2 Math Facts Fluency";

test("a specialist starts a group from Scenario 10's template, changes the time, and saves it", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  await page.goto("/interventions/new");
  await expect(page.getByRole("heading", { name: "New intervention" })).toBeVisible();

  // Picking the template fills the plan (Scenario 10: "pre-populated with template data").
  await page.getByLabel("Start from a template").selectOption({ label: TEMPLATE });
  await expect(page.getByLabel("Intervention name")).toHaveValue(TEMPLATE);
  await expect(page.getByLabel("Tier level")).toHaveValue("2");
  await expect(page.getByLabel("Focus area")).toHaveValue("Math Facts Fluency");
  await expect(page.getByLabel("Duration (weeks)")).toHaveValue("8");
  await expect(page.getByLabel("Minutes per session")).toHaveValue("30");
  await expect(page.getByLabel("Purpose and strategies")).toHaveValue(/Activities: /);
  await expect(page.getByTestId("template-summary")).toContainText(
    "8 weeks · 3 days a week · 30 min · groups of 3–6",
  );
  await expect(page.getByTestId("session-plan")).toContainText(
    "3 times per week, 30 minutes: 24 sessions",
  );
  await expectAccessible(page, "serious");

  // Everything stays editable before saving: a name of this run's own, and another time.
  const name = `${TEMPLATE} (${randomUUID().slice(0, 6)})`;
  await page.getByLabel("Intervention name").fill(name);
  await page.getByLabel("Start time").fill("13:45");
  // Ms. Johnson plans the group and facilitates it: the form proposes her.
  await expect(page.getByRole("list", { name: "Selected" }).first()).toContainText("Ms. Johnson");

  await page.getByRole("button", { name: "Create intervention" }).click();
  await expect(page).toHaveURL(/\/interventions\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Mon, Wed, Fri at 13:45 · 30 min")).toBeVisible();
  // The group remembers its template.
  await expect(page.getByTestId("started-from-template")).toHaveText(
    `Started from the template ${TEMPLATE}.`,
  );

  // The same group through the API: the time as changed, and the template it came from.
  const id = new URL(page.url()).pathname.split("/").at(-1);
  const api = await page.request.get(`/api/v1/interventions/${id}`);
  expect(api.status()).toBe(200);
  const group = (await api.json()) as { schedule: { startTime: string }; templateId: string };
  expect(group.schedule.startTime).toBe("13:45");
  const templates = await page.request.get("/api/v1/templates");
  const mathFacts = (
    (await templates.json()) as { items: { id: string; name: string }[] }
  ).items.find((t) => t.name === TEMPLATE);
  expect(group.templateId).toBe(mathFacts?.id);
});

test("a specialist saves a group as a template of their own and starts from it", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  await page.goto("/interventions/new");
  await page.getByLabel("Start from a template").selectOption({ label: TEMPLATE });
  const groupName = `Facts group ${randomUUID().slice(0, 6)}`;
  await page.getByLabel("Intervention name").fill(groupName);
  // An hour Ms. Johnson has free (at 10:00 she runs the Phonics group).
  await page.getByLabel("Start time").fill("16:15");
  await page.getByRole("button", { name: "Create intervention" }).click();
  await expect(page.getByRole("heading", { name: groupName })).toBeVisible();

  const templateName = `My facts plan ${randomUUID().slice(0, 6)}`;
  await page.getByLabel("Template name").fill(templateName);
  await page.getByRole("button", { name: "Save as template" }).click();
  await expect(page.getByText(`Saved as your template “${templateName}”.`)).toBeVisible();

  await page.goto("/interventions/new");
  const picker = page.getByLabel("Start from a template");
  await expect(picker.locator("optgroup[label='Your templates'] option")).toContainText([
    templateName,
  ]);
  await picker.selectOption({ label: templateName });
  await expect(page.getByLabel("Intervention name")).toHaveValue(templateName);
});
