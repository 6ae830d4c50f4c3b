import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/scripts/seed/accounts";
import { expect, expectAccessible, signIn, signOut, test, users } from "./support";

// A parent reads the portal on a phone.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const GROUP = "Phonics Blends - Tier 2";
const FAMILY_NOTE = "Emma read her library book aloud to the group, with expression";
const TEAM_NOTE = "For the team: try Emma in the afternoon group next week";

/** Ms. Johnson writes a note on Emma in the Phonics group, with a fluency reading. */
async function writeNote(page: Page, observation: string, value: string, audience: string) {
  const editor = page.getByRole("form", { name: "Progress note" });
  await editor.getByLabel("Student", { exact: true }).selectOption({ label: "Emma Wilson" });
  await editor.getByLabel("Observation").fill(observation);
  await editor.getByLabel("Measure", { exact: true }).fill("Fluency level");
  await editor.getByLabel("Value").fill(value);
  await editor.getByLabel("Unit").fill("grade level");
  await editor.getByRole("radio", { name: audience }).check();
  await editor.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByText("Note saved for Emma Wilson.")).toBeVisible();
  // The message stays from a note before: the list shows when this one is saved.
  await expect(page.getByTestId("progress-note").first()).toContainText(observation);
}

test("a parent reads a new family note and Emma's progress on a phone, in English and in Spanish", async ({
  page,
}) => {
  // The facilitator shares a note with the family, and keeps another in the team.
  await signIn(page, users.specialist);
  await page.getByRole("link", { name: GROUP }).first().click();
  await page.waitForURL(/\/interventions\/[0-9a-f-]{36}$/);
  await page.getByRole("link", { name: "Progress notes, measure and goal" }).click();
  await writeNote(page, FAMILY_NOTE, "3.3", "Team, teachers and the family");
  await writeNote(page, TEAM_NOTE, "3.4", "Intervention team only");
  await signOut(page);

  // Jennifer Wilson's home: Emma's groups, the new note, the next sessions, the letters.
  await signIn(page, users.parent);
  await page.goto("/portal");
  await expect(page.getByRole("heading", { name: "Your family", level: 1 })).toBeVisible();
  const emma = page.getByTestId("portal-child").filter({ hasText: "Emma Wilson" });
  await expect(emma.getByRole("heading", { name: GROUP })).toBeVisible();
  const phonicsItem = emma
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: GROUP }) });
  await expect(phonicsItem).toContainText("Contact: Ms. Johnson");
  await expect(emma.getByTestId("family-note").first()).toContainText(FAMILY_NOTE);
  await expect(page.getByText(TEAM_NOTE)).toHaveCount(0);
  await expect(emma.getByRole("heading", { name: "Next sessions" })).toBeVisible();
  await expect(emma.getByTestId("next-sessions").getByRole("listitem").first()).toContainText(
    GROUP,
  );
  await expect(emma.getByRole("heading", { name: "Letters and summaries" })).toBeVisible();
  await expect(emma.getByTestId("letters").getByRole("listitem").first()).toBeVisible();
  await expect(page.locator("[lang=en]").first()).toBeVisible();
  await expectAccessible(page);

  // Emma's progress page: the reading against the goal in words, the note, the two links.
  await emma.getByRole("link", { name: "See Emma's progress" }).click();
  await page.waitForURL(/\/portal\/children\/[0-9a-f-]{36}$/);
  const emmaId = page.url().match(/children\/([0-9a-f-]{36})/)?.[1];
  await expect(page.getByRole("heading", { name: "Emma Wilson: progress" })).toBeVisible();
  const phonics = page.getByTestId("portal-group").filter({ hasText: GROUP });
  await expect(phonics.getByTestId("family-verdict").first()).toContainText(
    "Emma's latest Fluency level reading is 3.3 grade level",
  );
  await expect(phonics.getByRole("img", { name: /Fluency level/ })).toBeVisible();
  await expect(phonics.getByTestId("family-note").first()).toContainText(FAMILY_NOTE);
  await expect(page.getByText(TEAM_NOTE)).toHaveCount(0);
  await expect(page.getByText(/3\.4/)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Who has seen Emma's records" })).toHaveAttribute(
    "href",
    `/portal/children/${emmaId}/disclosures`,
  );
  await expect(
    page.getByRole("link", { name: "Ask the team / request a correction" }),
  ).toHaveAttribute("href", `/portal/children/${emmaId}/requests`);
  await expectAccessible(page);

  // Español: the switch keeps the choice, on this page and the next.
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { name: "Progreso de Emma Wilson" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Español" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(phonics.getByTestId("family-verdict").first()).toContainText(
    "La última medición de Fluency level de Emma es 3.3 grade level",
  );
  await expect(page.getByRole("heading", { name: "Notas del equipo" })).toBeVisible();
  await expect(page.locator("[lang=es]").first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Volver a su familia" }).click();
  await expect(page.getByRole("heading", { name: "Su familia", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Notas recientes del equipo" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Próximas sesiones" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mi familia" })).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Su familia", level: 1 })).toBeVisible();

  // And back to English.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Your family", level: 1 })).toBeVisible();

  // A child who is not hers does not exist for her.
  const other = await page.goto("/portal/children/00000000-0000-4000-8000-000000000000");
  expect(other?.status()).toBe(404);
});

test("staff who open the portal go to their dashboard", async ({ page }) => {
  await signIn(page, users.specialist);
  await page.goto("/portal");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/portal/children/00000000-0000-4000-8000-000000000000");
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a Spanish-speaking father reads the portal in Spanish from the start", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.padre);
  await page.goto("/portal");
  await expect(page.getByRole("heading", { name: "Su familia", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Español" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const sophia = page.getByTestId("portal-child").filter({ hasText: "Sophia Martinez" });
  await sophia.getByRole("link", { name: "Ver el progreso de Sophia" }).click();
  await expect(page.getByRole("heading", { name: "Progreso de Sophia Martinez" })).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Preguntar al equipo / pedir una corrección" }),
  ).toBeVisible();
  await expectAccessible(page);
});
