import { expect, expectAccessible, signIn, signOut, test, users } from "./support";

test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

const GROUP = "Phonics Blends - Tier 2";
const OBSERVATION = "Emma is showing improvement in decoding multisyllabic words";
const NEXT_STEPS = "Continue current strategies, add comprehension focus";

interface NoteItem {
  observation: string;
  visibility: string;
}

test("the facilitator records Scenario 4's note for Emma Wilson and sees it on her chart; it stays in the team", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  await page.getByRole("link", { name: GROUP }).first().click();
  await page.waitForURL(/\/interventions\/[0-9a-f-]{36}$/);
  const interventionId = page.url().match(/interventions\/([0-9a-f-]{36})/)?.[1];
  expect(interventionId).toBeTruthy();
  await page.getByRole("link", { name: "Progress notes, measure and goal" }).click();
  await expect(page.getByRole("heading", { name: "Progress notes" })).toBeVisible();

  // The specialist names the measure the group is monitored on, and its goal.
  const plan = page.getByRole("form", { name: "Measure and goal" });
  await plan.getByLabel("Measure").fill("Fluency level");
  await plan.getByLabel("Unit").fill("grade level");
  await plan.getByLabel("Goal at the end date").fill("3.6");
  await plan.getByRole("button", { name: "Save measure and goal" }).click();
  await expect(page.getByTestId("monitoring-plan")).toContainText("Goal: 3.6");

  const editor = page.getByRole("form", { name: "Progress note" });
  await editor.getByLabel("Student", { exact: true }).selectOption({ label: "Emma Wilson" });
  // Her last reading's measure is prefilled, and the previous value is shown as the new one is typed.
  await expect(editor.getByLabel("Measure", { exact: true })).toHaveValue("Fluency level");
  await editor.getByLabel("Observation").fill(OBSERVATION);
  await editor.getByLabel("Value").fill("3.2");
  await editor.getByLabel("Unit").fill("grade level");
  await expect(editor.getByTestId("previous-reading")).toContainText(/from|last time/);
  await editor.getByLabel("Next steps (optional)").fill(NEXT_STEPS);
  await editor.getByLabel("Progress rating").selectOption({ label: "Making expected progress" });
  await expect(editor.getByRole("radio", { name: "Intervention team only" })).toBeChecked();
  await expectAccessible(page, "serious");
  await editor.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByText("Note saved for Emma Wilson.")).toBeVisible();
  await expect(page.getByTestId("progress-note").first()).toContainText(OBSERVATION);

  await page.getByRole("link", { name: "See Emma Wilson's progress chart" }).click();
  await page.waitForURL(/\/students\/[0-9a-f-]{36}\/progress$/);
  await expect(page.getByRole("heading", { name: "Emma Wilson: progress" })).toBeVisible();
  const emmaId = page.url().match(/students\/([0-9a-f-]{36})/)?.[1];
  expect(emmaId).toBeTruthy();
  await expect(page.getByTestId("progress-note").first()).toContainText(OBSERVATION);
  await expect(page.getByTestId("progress-note").first()).toContainText("Making expected progress");
  await expect(page.getByTestId("progress-note").first()).toContainText(
    "Fluency level: 3.2 grade level",
  );
  // The chart: scores with the aim line to the goal, the trend, and a verdict in words.
  const fluency = page.getByRole("region", { name: "Fluency level (grade level)" });
  await expect(fluency.getByRole("img", { name: /Fluency level/ })).toBeVisible();
  await expect(fluency.getByText(/Aim line/).first()).toBeVisible();
  await expect(fluency.getByText(/Trend/).first()).toBeVisible();
  await expect(fluency.getByTestId("verdict")).toContainText(`${GROUP}:`);
  await expect(fluency.getByTestId("verdict")).not.toContainText("No goal set");
  await fluency.getByText("The data as a table").click();
  await expect(fluency.getByTestId("progress-table")).toContainText("3.2");

  // A team note reaches neither Emma's teacher nor her mother, by page or by API.
  await signOut(page);
  for (const reader of [users.teacher, users.parent]) {
    await signIn(page, reader);
    await page.goto(`/students/${emmaId}/progress`);
    await expect(page.getByRole("heading", { name: "Emma Wilson: progress" })).toBeVisible();
    // The seed's own last note (shared with the family) ends with a full stop; this one does not.
    await expect(page.getByText(OBSERVATION, { exact: true })).toHaveCount(0);
    const progress = await page.request.get(`/api/v1/students/${emmaId}/progress`);
    expect(progress.ok()).toBeTruthy();
    const shown = ((await progress.json()) as { notes: NoteItem[] }).notes;
    expect(shown.some((n) => n.observation === OBSERVATION)).toBe(false);
    expect(shown.every((n) => n.visibility !== "team")).toBe(true);
    const notes = await page.request.get(`/api/v1/interventions/${interventionId}/notes`);
    expect(notes.ok()).toBeTruthy();
    const items = ((await notes.json()) as { items: NoteItem[] }).items;
    expect(items.some((n) => n.observation === OBSERVATION)).toBe(false);
    expect(items.every((n) => n.visibility !== "team")).toBe(true);
    await signOut(page);
  }
});
