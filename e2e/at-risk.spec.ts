import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { zipFolder } from "../test/fixtures/oneroster/write-zip";
import { dayFromToday, expect, expectAccessible, signIn, signOut, test, users } from "./support";

/**
 * Scenario 2 and 8 as a specialist lives them: the at-risk report, four students picked, the
 * create form prefilled, the group created with them enrolled — and the guardians' letters in
 * the admin mailbox (the e2e app runs without SMTP_URL, so mail is kept there).
 */

test("from the at-risk report to an enrolled group, with letters to the families", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  await page.getByRole("link", { name: "At-risk students" }).first().click();
  await expect(page.getByRole("heading", { name: "At-risk students" })).toBeVisible();
  await page.getByLabel("Assessment").selectOption({ label: "Reading Benchmark (Reading)" });
  await page.getByLabel("Window").selectOption("fall");
  await page.getByRole("button", { name: "Show students" }).click();
  await expect(page.getByText(/below the Tier 1 cut on Reading Benchmark \(fall/)).toBeVisible();
  await expectAccessible(page, "serious");

  // Every listed student scored below 50, and the recommended tier follows the cut scores.
  const rows = page.getByTestId("at-risk-row");
  expect(await rows.count()).toBeGreaterThanOrEqual(4);
  for (const row of await rows.all()) {
    const score = Number(await row.getByTestId("score").locator("span").first().textContent());
    expect(score).toBeLessThan(50);
    await expect(row.getByTestId("recommended-tier")).toHaveText(score < 30 ? "Tier 3" : "Tier 2");
  }

  // The district's list is longer than a page: the server sends 50 rows and the page links.
  const total = Number(
    /^(\d+) students/.exec((await page.getByTestId("at-risk-count").textContent()) ?? "")?.[1],
  );
  expect(total).toBeGreaterThan(50);
  expect(await rows.count()).toBe(50);
  await expect(page.getByTestId("at-risk-count")).toContainText("showing 1–50");
  const pages = page.getByRole("navigation", { name: "Pages of the report" });
  await expect(pages.locator("[aria-current=page]")).toHaveText("Page 1");
  await expect(pages).toContainText(`Page 1 of ${Math.ceil(total / 50)}`);
  const lastOnFirst = Number(
    await rows.last().getByTestId("score").locator("span").first().textContent(),
  );
  // By keyboard to the next page: the order carries on where page 1 ended, filters kept.
  await pages.getByRole("link", { name: "Next" }).focus();
  await page.keyboard.press("Enter");
  await expect(pages.locator("[aria-current=page]")).toHaveText("Page 2");
  expect(new URL(page.url()).searchParams.get("window")).toBe("fall");
  const firstOnSecond = Number(
    await rows.first().getByTestId("score").locator("span").first().textContent(),
  );
  expect(firstOnSecond).toBeGreaterThanOrEqual(lastOnFirst);
  await expectAccessible(page, "serious");

  // The CSV holds every student of the report, not only a page: one line each and the header.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const csv = await readFile((await download.path()) ?? "", "utf8");
  expect(csv.split("\r\n").filter(Boolean)).toHaveLength(total + 1);
  expect(csv).toMatch(/^Student number,Last name,First name,Grade,School,Score/);

  await pages.getByRole("link", { name: "Previous" }).click();
  await expect(pages.locator("[aria-current=page]")).toHaveText("Page 1");

  // Four students below 50, the lowest scores first (the default sort).
  const picked: { id: string; name: string; score: number }[] = [];
  for (const row of (await rows.all()).slice(0, 4)) {
    const link = row.getByRole("link").first();
    const id = (await link.getAttribute("href"))?.split("/").at(-1) ?? "";
    const name = (await link.textContent()) ?? "";
    picked.push({
      id,
      name,
      score: Number(await row.getByTestId("score").locator("span").first().textContent()),
    });
    await row.getByRole("checkbox").check();
  }
  await expect(page.getByTestId("at-risk-count")).toContainText("4 selected");
  const tier = picked.some((p) => p.score < 30) ? 3 : 2;

  await page.getByRole("button", { name: "Create intervention for 4" }).click();
  await expect(page.getByRole("heading", { name: "New intervention" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(
    `Prefilled from the at-risk report: 4 students, Tier ${tier}, Reading`,
  );
  await expect(page.getByLabel("Tier level")).toHaveValue(String(tier));
  await expect(page.getByLabel("Focus area")).toHaveValue("Reading");
  await expect(page.getByText("Students (4 selected)")).toBeVisible();
  const groupName = `Reading Group - Tier ${tier}`;
  await expect(page.getByLabel("Intervention name")).toHaveValue(groupName);
  await page
    .getByLabel("Goal (expected outcome)")
    .fill("Reach the fall benchmark of 50 by winter screening");
  // An afternoon hour Ms. Johnson and the students have free.
  await page.getByLabel("Start time").fill("15:30");

  await page.getByRole("button", { name: "Create intervention" }).click();
  await expect(page.getByRole("status")).toContainText("4 students enrolled");
  await expect(page.getByRole("heading", { name: groupName })).toBeVisible();
  const roster = page.getByTestId("roster");
  for (const { name } of picked) await expect(roster).toContainText(name.split(" ")[0] ?? name);
  const interventionId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

  // The students' own page shows the new group; the API tells the same.
  const first = picked[0] as (typeof picked)[number];
  const history = await page.request.get(`/api/v1/students/${first.id}/interventions`);
  expect(history.status()).toBe(200);
  const body = (await history.json()) as {
    interventions: { interventionId: string; current: boolean }[];
  };
  expect(body.interventions).toContainEqual(
    expect.objectContaining({ interventionId, current: true }),
  );
  await page.goto(`/students/${first.id}`);
  await expect(page.getByTestId("current-interventions")).toContainText(groupName);
  await signOut(page);

  // The district admin finds one letter per guardian in the mailbox, in their language.
  await signIn(page, users.admin);
  await page.goto("/admin/mailbox");
  await expect(page.getByRole("heading", { name: "Mailbox" })).toBeVisible();
  const letters = page.getByTestId("mailbox-row").filter({ hasText: `Enrollment in ${groupName}` });
  for (const { name } of picked) {
    await expect(letters.filter({ hasText: name }).first()).toBeVisible();
  }
  expect(await letters.count()).toBeGreaterThanOrEqual(4);
  // Subjects never name the child's needs.
  for (const row of await letters.all()) {
    await expect(row.getByRole("link")).not.toContainText(/reading|tier|group/i);
  }
  await expectAccessible(page, "serious");

  await letters.first().getByRole("link").click();
  const letter = page.getByTestId("message-body");
  await expect(letter).toContainText(groupName);
  await expect(letter).toContainText(/Reach the fall benchmark of 50 by winter screening/);
  await expect(letter).toContainText(/special education|educación especial/);
});

test("the teacher filter lists the teachers of the school picked, and narrows to one class", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  await page.goto("/reports/at-risk");
  const teacher = page.getByLabel("Teacher");
  // Before a school is picked the district's teachers are not listed, only the hint.
  await expect(teacher.locator("option")).toHaveText(["All teachers (pick a school first)"]);

  await page.getByLabel("School").selectOption({ label: "Maple Grove Elementary" });
  await page.getByRole("button", { name: "Show students" }).click();
  await expect(teacher.locator("option", { hasText: "Mr. Kim" })).toHaveCount(1);
  const all = await page.getByTestId("at-risk-count").textContent();

  await teacher.selectOption({ label: "Mr. Kim" });
  await page.getByRole("button", { name: "Show students" }).click();
  await expect(teacher).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByTestId("at-risk-count")).not.toHaveText(all ?? "");
  for (const row of await page.getByTestId("at-risk-row").all()) {
    await expect(row).toContainText("Mr. Kim");
  }
});

test("the report is for specialists and admins; a teacher sees only their own students", async ({
  page,
}) => {
  await signIn(page, users.teacher);
  const report = await page.goto("/reports/at-risk");
  expect(report?.status()).toBe(404);
  const api = await page.request.get(
    "/api/v1/reports/at-risk?assessmentId=00000000-0000-4000-8000-000000000000",
  );
  expect(api.status()).toBe(403);

  await page.goto("/my-students");
  await expect(page.getByRole("heading", { name: "My students in interventions" })).toBeVisible();
  await expect(page.getByTestId("my-students")).toContainText("Emma Wilson");
  await page.getByRole("link", { name: "Emma Wilson" }).click();
  await expect(page.getByRole("heading", { name: "Emma Wilson" })).toBeVisible();
  await expect(page.getByTestId("current-interventions")).toBeVisible();
  await expectAccessible(page, "serious");
});

test("an admin imports a OneRoster bundle from the page and sees what was rejected and why", async ({
  page,
}, testInfo) => {
  const zip = testInfo.outputPath("valley-view.zip");
  await zipFolder(path.resolve("test/fixtures/oneroster/valley-view"), zip);
  await signIn(page, users.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Imports" }).click();
  await expect(page.getByRole("heading", { name: "Imports", exact: true })).toBeVisible();

  // Not OneRoster: refused, nothing imported.
  await page
    .getByLabel("OneRoster export")
    .setInputFiles(path.resolve("test/fixtures/oneroster/not-oneroster/students.csv"));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not a OneRoster bundle" })).toBeVisible();

  await page.getByLabel("OneRoster export").setInputFiles(zip);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "valley-view.zip imported" }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("summary-students")).toContainText("8");
  const rejected = page.getByTestId("rejected-rows");
  await expect(rejected).toContainText('grade "PK" is not KG or 01–12.');
  await expect(
    rejected
      .getByRole("row")
      .filter({ hasText: "users.csv" })
      .filter({ hasText: "familyName is empty." }),
  ).toContainText("15");
  await expectAccessible(page, "serious");

  // The same file again changes nothing, and the run is listed.
  await page.getByLabel("OneRoster export").setInputFiles(zip);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "nothing changed" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId("import-runs")).toContainText("Refused — nothing saved");
});

test("a family opts out through the letter's link, without signing in, once", async ({
  page,
  browser,
}) => {
  await signIn(page, users.admin);
  await page.goto("/admin/templates");
  await page.getByRole("radio", { name: /One click/ }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  // A new enrollment after the setting: its letters carry the link.
  const students = (await (await page.request.get("/api/v1/students?grade=5&limit=3")).json()) as {
    items: { id: string }[];
  };
  const staff = (await (await page.request.get("/api/v1/staff?q=johnson")).json()) as {
    items: { id: string }[];
  };
  const created = await page.request.post("/api/v1/interventions", {
    data: {
      name: "Opt-out check group",
      tier: 2,
      focusArea: "Math Facts Fluency",
      startDate: dayFromToday(14),
      durationWeeks: 4,
      schedule: { days: ["TU", "TH"], startTime: "16:00", minutes: 20 },
      facilitatorIds: [staff.items[0]?.id],
      studentIds: [students.items[0]?.id],
    },
  });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto("/admin/mailbox");
  await page
    .getByTestId("mailbox-row")
    .filter({ hasText: "Enrollment in Opt-out check group" })
    .first()
    .getByRole("link")
    .click();
  const body = (await page.getByTestId("message-body").textContent()) ?? "";
  const link = /(http\S+\/opt-out\?token=\S+?)(?=\s|\)|$)/.exec(body)?.[1] ?? "";
  expect(link).toContain("/opt-out?token=");

  const family = await browser.newPage();
  const url = new URL(link);
  await family.goto(`${url.pathname}${url.search}`);
  await expect(family.getByRole("heading", { name: /Taking part|Participación/ })).toBeVisible();
  await expect(family.getByText("Opt-out check group")).toBeVisible();
  await family.getByRole("button", { name: /Confirm|Confirmar/ }).click();
  await expect(family.getByRole("status")).toContainText(/recorded|registrada/);
  // Used again: still the one decision, no second button.
  await family.goto(`${url.pathname}${url.search}`);
  await expect(family.getByRole("status")).toContainText(/recorded|registrada/);
  await expect(family.getByRole("button", { name: /Confirm|Confirmar/ })).toHaveCount(0);
  // A tampered link is refused.
  await family.goto(
    `${url.pathname}${url.search.replace(/.(?=\.)/, (c) => (c === "A" ? "B" : "A"))}`,
  );
  await expect(
    family.getByRole("alert").filter({ hasText: /not valid|no es válido/ }),
  ).toBeVisible();
  await family.close();

  // The specialist is told; the setting goes back to the district default.
  await page.goto("/admin/mailbox?q=johnson");
  await expect(
    page.getByTestId("mailbox-row").filter({ hasText: "a family answered an enrollment letter" }),
  ).toHaveCount(1);
  await page.goto("/admin/templates");
  await page.getByRole("radio", { name: /By request/ }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
});

test("a specialist types in a score and imports a results file", async ({ page }, testInfo) => {
  await signIn(page, users.specialist);
  await page.goto("/reports/at-risk");
  await page.getByRole("link", { name: "Scores and cut scores" }).click();
  await expect(page.getByRole("heading", { name: "Assessments" })).toBeVisible();
  await expectAccessible(page, "serious");

  const form = page.getByRole("form", { name: "Enter one score" });
  await form.getByLabel("Assessment").selectOption({ label: "Reading Benchmark (0–100)" });
  await form.getByRole("combobox", { name: "Student" }).fill("Emma Wilson");
  await page
    .getByRole("option", { name: /Emma Wilson/ })
    .first()
    .click();
  await form.getByLabel("Window").selectOption("winter");
  await form.getByLabel("Date").fill("2027-01-12");
  await form.getByLabel("Score").fill("47");
  await form.getByRole("button", { name: "Save score" }).click();
  await expect(form.getByRole("status")).toContainText("Emma Wilson: score recorded (2026-27)");

  const students = (await (
    await page.request.get("/api/v1/students?q=Martinez&grade=3")
  ).json()) as {
    items: { localId: string }[];
  };
  const csv = testInfo.outputPath("winter.csv");
  await writeFile(
    csv,
    `student_id,assessment,window,date,score\n${students.items[0]?.localId},Reading Benchmark,winter,2027-01-12,28\nNOBODY,Reading Benchmark,winter,2027-01-12,30\n`,
  );
  await page.getByLabel("Results CSV").setInputFiles(csv);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "winter.csv imported" })).toBeVisible();
  await expect(page.getByTestId("rejected-rows")).toContainText(
    "student NOBODY is not an active student",
  );

  // The winter report now lists both, with the tiers their scores recommend.
  await page.goto("/reports/at-risk");
  await page.getByLabel("Window").selectOption("winter");
  await page.getByRole("button", { name: "Show students" }).click();
  await expect(
    page
      .getByTestId("at-risk-row")
      .filter({ hasText: "Emma Wilson" })
      .getByTestId("recommended-tier"),
  ).toHaveText("Tier 2");
  await expect(
    page.getByTestId("at-risk-row").filter({ hasText: "Martinez" }).getByTestId("recommended-tier"),
  ).toHaveText("Tier 3");
});
