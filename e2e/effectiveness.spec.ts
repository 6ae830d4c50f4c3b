import { percent } from "@/components/attendance/format";
import { money } from "@/components/effectiveness/dashboard-text";
import { formatNumber } from "@/lib/domain/progress/format";
import { expect, expectAccessible, signIn, signOut, test, users } from "./support";

// Read on a phone: the dashboard's figures, charts and tables must hold at this width.
test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

// The seed gives this group a measure and a goal (scripts/seed/maple-grove-groups.ts); Ms. Johnson
// plans it. Early Literacy starts next week and has neither.
const GROUP = "Math Facts Fluency - Tier 2";
const NO_GOAL_GROUP = "Early Literacy Skills - Tier 2";

interface Listed {
  id: string;
  name: string;
}

interface Figures {
  attendanceRate: number | null;
  preAverage: number | null;
  currentAverage: number | null;
  studentsProgressing: { count: number; total: number; rate: number | null };
  projectedEndAverage: number | null;
  staffHours: number;
  cost: { total: number; perStudent: number | null } | null;
  recommendation: string;
}

async function groupIds(page: import("@playwright/test").Page): Promise<Map<string, string>> {
  const response = await page.request.get("/api/v1/interventions?limit=100");
  expect(response.ok()).toBeTruthy();
  const { items } = (await response.json()) as { items: Listed[] };
  return new Map(items.map((g) => [g.name, g.id]));
}

test("a specialist reads a group's effectiveness: the recommendation, its rule and the numbers", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  const id = (await groupIds(page)).get(GROUP);
  expect(id).toBeTruthy();
  await page.goto(`/interventions/${id}`);
  await page.getByRole("link", { name: "Effectiveness", exact: true }).click();
  await page.waitForURL(/\/interventions\/[0-9a-f-]{36}\/effectiveness$/);
  await expect(page.getByRole("heading", { level: 1, name: "Effectiveness" })).toBeVisible();

  // The page shows the API's own figures (docs/domain.md, "Effectiveness of an intervention").
  const api = await page.request.get(`/api/v1/interventions/${id}/effectiveness`);
  expect(api.ok()).toBeTruthy();
  const figures = (await api.json()) as Figures;

  await expect(page.getByRole("heading", { name: "Recommendation" })).toBeVisible();
  await expect(page.getByTestId("recommendation")).toHaveText(figures.recommendation);
  await expect(page.getByTestId("recommendation-rule")).toContainText(/Rule [1-5] of 5:/);
  await expect(page.getByTestId("recommendation-because")).not.toBeEmpty();

  await expect(page.getByTestId("effectiveness-attendance-rate")).toHaveText(
    percent(figures.attendanceRate),
  );
  expect(figures.preAverage).not.toBeNull();
  await expect(page.getByTestId("pre-average")).toHaveText(formatNumber(figures.preAverage!, 1));
  await expect(page.getByTestId("current-average")).toHaveText(
    formatNumber(figures.currentAverage!, 1),
  );
  const { count, total, rate } = figures.studentsProgressing;
  await expect(page.getByTestId("students-progressing")).toHaveText(
    `${count} of ${total}, ${percent(rate)}`,
  );
  await expect(page.getByTestId("projected-end-average")).toHaveText(
    formatNumber(figures.projectedEndAverage!, 1),
  );
  await expect(page.getByTestId("staff-hours")).toHaveText(
    `${formatNumber(figures.staffHours, 1)} h`,
  );
  // The cost to date in money, at the district's hourly rates (the defaults in the demo).
  expect(figures.cost).not.toBeNull();
  await expect(page.getByTestId("cost")).toHaveText(money(figures.cost!.total));

  // The charts, each with its text alternative, and every student with a chance of the goal.
  await expect(page.getByRole("img", { name: /the group's weekly average/ })).toBeVisible();
  await expect(page.getByTestId("student-table").locator("tbody tr")).toHaveCount(total);
  await expect(page.getByTestId("student-charts").getByRole("listitem")).toHaveCount(total);
  await expect(page.getByRole("heading", { name: "Students not responding" })).toBeVisible();

  await expectAccessible(page, "serious");
});

test("a group without a measure and goal says where to set them", async ({ page }) => {
  await signIn(page, users.specialist);
  const id = (await groupIds(page)).get(NO_GOAL_GROUP);
  expect(id).toBeTruthy();
  await page.goto(`/interventions/${id}/effectiveness`);
  await expect(
    page.getByRole("heading", { name: "Set the group's measure and goal first" }),
  ).toBeVisible();
  await page.getByRole("link", { name: /Set the measure and goal/ }).click();
  await expect(page).toHaveURL(new RegExp(`/interventions/${id}/notes`));
  await expect(page.getByRole("form", { name: "Measure and goal" })).toBeVisible();
});

test("a teacher gets the not-found page, for a group they follow and for any other", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  const groupId = (await groupIds(page)).get(GROUP);
  await signOut(page);

  await signIn(page, users.teacher);
  // A group one of Mr. Kim's students is in: he follows it, but the dashboard names every student.
  const followed = [...(await groupIds(page)).values()];
  expect(followed.length).toBeGreaterThan(0);
  for (const id of [followed[0], groupId]) {
    const response = await page.goto(`/interventions/${id}/effectiveness`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  await page.goto(`/interventions/${followed[0]}`);
  await expect(page.getByRole("link", { name: "Effectiveness", exact: true })).toHaveCount(0);
});
