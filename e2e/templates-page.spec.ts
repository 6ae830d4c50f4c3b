import { randomUUID } from "node:crypto";
import { expect, expectAccessible, pageOfItsOwn, signIn, test, users } from "./support";

/** Seeded in Maple Grove's district library (scripts/seed/template-library.ts). */
const DISTRICT_TEMPLATE = "Tier 2 Math Facts Fluency";

test("a specialist opens Templates, reads the district library's record and edits a template of her own", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  // A personal template of this run, through the API with the page's session.
  const name = `My fluency plan ${randomUUID().slice(0, 6)}`;
  const created = await page.request.post("/api/v1/templates", {
    data: {
      name,
      tier: 2,
      focusArea: "Reading Fluency",
      durationWeeks: 6,
      daysPerWeek: 2,
      sessionMinutes: 20,
      measure: { name: "Words correct per minute", unit: "wcpm" },
      goalValue: 90,
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto("/dashboard");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Templates" })
    .click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByRole("heading", { name: "Templates", level: 1 })).toBeVisible();

  // The district library, each template with its record and a way to start a group from it.
  const districtCard = page.getByRole("region", { name: DISTRICT_TEMPLATE, exact: true });
  const district = page.getByRole("region", { name: "District templates" });
  await expect(
    district.getByRole("region", { name: DISTRICT_TEMPLATE, exact: true }),
  ).toBeVisible();
  await expect(districtCard).toContainText("8 weeks · 3 days a week · 30 min · groups of 3–6");
  await expect(districtCard.getByTestId("template-record")).toContainText(
    /Record: \d+ groups? run, \d+ students? served · most effective: /,
  );
  const start = districtCard.getByRole("link", { name: /^Start a group from it/ });
  await expect(start).toHaveAttribute("href", /\/interventions\/new\?templateId=[0-9a-f-]{36}$/);
  // A district template is the admins' to change.
  await expect(districtCard.getByText("Edit this template")).toHaveCount(0);

  // Her own template, with its edit form; an empty name is refused beside the field.
  const mine = page.getByRole("region", { name: "Your templates" }).getByRole("region", { name });
  await expect(mine).toContainText("6 weeks · 2 days a week · 20 min");
  await mine.getByText("Edit this template").click();
  await mine.getByLabel("Template name").fill("");
  await mine.getByRole("button", { name: "Save changes" }).click();
  await expect(mine.getByText("Give the template a name.")).toBeVisible();

  const renamed = `${name} (25 min)`;
  await mine.getByLabel("Template name").fill(renamed);
  await mine.getByLabel("Minutes per session").fill("25");
  await mine.getByLabel("Goal rule").fill("90 words correct per minute");
  await mine.getByRole("button", { name: "Save changes" }).click();
  const edited = page.getByRole("region", { name: renamed, exact: true });
  await expect(edited.getByText(`Saved “${renamed}”.`)).toBeVisible();
  await expect(edited).toContainText("6 weeks · 2 days a week · 25 min");
  await expect(edited).toContainText(
    "Measure: Words correct per minute, goal 90 wcpm (90 words correct per minute)",
  );
  await expectAccessible(page);

  // The change is the template's: the API reads it back at its next version.
  const api = await page.request.get(`/api/v1/templates/${id}`);
  const template = (await api.json()) as { name: string; sessionMinutes: number; version: number };
  expect(template).toMatchObject({ name: renamed, sessionMinutes: 25, version: 2 });
});

test("an admin finds a specialist's own template on Templates and shares it with the district", async ({
  page,
  browser,
}) => {
  // Ms. Johnson keeps a plan of her own (through the API, at her own computer).
  const johnson = await pageOfItsOwn(browser);
  await signIn(johnson, users.specialist);
  const name = `Johnson's decoding plan ${randomUUID().slice(0, 6)}`;
  const created = await johnson.request.post("/api/v1/templates", {
    data: {
      name,
      tier: 3,
      focusArea: "Phonics",
      durationWeeks: 8,
      daysPerWeek: 4,
      sessionMinutes: 30,
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await signIn(page, users.admin);
  // The API's list for admins names the owner; a specialist asking for it is refused.
  const specialists = await page.request.get("/api/v1/templates?owner=specialists");
  expect(specialists.status()).toBe(200);
  const listed = ((await specialists.json()) as { items: { id: string; ownerName: string }[] })
    .items;
  expect(listed.find((t) => t.id === id)?.ownerName).toBe("Sarah Johnson");
  expect((await johnson.request.get("/api/v1/templates?owner=specialists")).status()).toBe(403);

  await page.goto("/templates");
  const section = page.getByRole("region", { name: "Specialists' templates" });
  const card = section.getByRole("region", { name, exact: true });
  await expect(card).toContainText("kept by Sarah Johnson");
  await expect(card).toContainText("8 weeks · 4 days a week · 30 min");
  await card.getByRole("button", { name: /^Share with the district/ }).click();
  await expect(card).toContainText("Every specialist of the district will see");
  await expectAccessible(page);
  await card.getByRole("button", { name: `Yes, share “${name}”` }).click();

  // It moves to the district library, for every specialist.
  const library = page.getByRole("region", { name: "District templates" });
  await expect(library.getByRole("region", { name, exact: true })).toBeVisible();
  await expect(section.getByRole("region", { name, exact: true })).toHaveCount(0);
  const read = await johnson.request.get(`/api/v1/templates/${id}`);
  expect(await read.json()).toMatchObject({ scope: "district", ownerUserId: null, version: 2 });
  await johnson.goto("/templates");
  await expect(
    johnson
      .getByRole("region", { name: "District templates" })
      .getByRole("region", { name, exact: true }),
  ).toBeVisible();
  await johnson.context().close();
});

test("a teacher has no Templates link and gets the not-found page", async ({ page }) => {
  await signIn(page, users.teacher);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" }),
  ).toHaveCount(0);
  await page.goto("/templates");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
