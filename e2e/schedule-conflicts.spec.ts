import { DEMO_GROUPS } from "@/scripts/seed/accounts";
import { dayFromToday, expect, expectAccessible, signIn, signOut, test, users } from "./support";

/**
 * Issue 10, points 2 and 4 in the browser: the planning form checks the schedule as it is
 * edited, lists what collides and offers conflict-free alternatives; a group is edited and more
 * students enrolled from its page. The seeded Phonics group (scripts/seed/maple-grove-phonics.ts)
 * meets Mon/Wed/Fri 10:00–10:30 in Room 104 at Maple Grove, through the pinned today.
 */

const FACILITATOR_EMAIL = "facilitator@maplegrove.example";

test("a specialist picks a taken room, sees the conflict and the alternatives, takes one and saves", async ({
  page,
}) => {
  const groupName = `Blends Booster ${test.info().workerIndex}-${test.info().retry} - Tier 2`;
  await signIn(page, users.specialist);
  await page.goto("/interventions/new");
  await expect(page.getByRole("heading", { name: "New intervention" })).toBeVisible();

  await page.getByLabel("Intervention name").fill(groupName);
  await page.getByLabel("Focus area").fill("Phonics");
  await page.getByLabel("Duration (weeks)").fill("6");
  // Mon, Wed, Fri are the form's default days; 10:00 the Phonics group's time.
  for (const day of ["Mon", "Wed", "Fri"]) {
    await expect(page.getByRole("checkbox", { name: day })).toBeChecked();
  }
  await page.getByLabel("Start time").fill("10:00");
  await page.getByLabel("Minutes per session").fill("30");

  // Mr. Alvarez facilitates instead of Ms. Johnson (who runs Phonics then herself).
  await page.getByRole("button", { name: /^Remove Ms\. Johnson/ }).click();
  await page.getByRole("combobox", { name: "Facilitator" }).fill("Alvarez");
  await page
    .getByRole("option", { name: /Alvarez/ })
    .first()
    .click();
  await expect(page.getByRole("list", { name: "Selected" }).first()).toContainText("Alvarez");

  // Room 104, where the Phonics group meets at 10:00.
  const room104 = await page
    .locator("#roomId option", { hasText: "Room 104" })
    .first()
    .getAttribute("value");
  expect(room104).toBeTruthy();
  await page.getByLabel("Room (optional)").selectOption(room104!);

  // The live check lists the room's double booking, with the Phonics group named.
  const panel = page.getByTestId("schedule-conflicts");
  const roomBooked = panel.getByTestId("conflict-room_booked");
  await expect(roomBooked).toBeVisible();
  await expect(roomBooked).toContainText("Room 104");
  await expect(roomBooked).toContainText(DEMO_GROUPS.phonics);
  await expect(roomBooked).toContainText("10:00–10:30");
  await expect(panel.getByTestId("schedule-summary")).toContainText(/conflicts? found/);
  // A double booking is never saved over: no reason field.
  await expect(page.getByLabel(/Save anyway/)).toHaveCount(0);
  await expectAccessible(page, "serious");

  // Up to five conflict-free alternatives, as buttons; the first one is taken.
  const alternatives = panel
    .getByRole("list", { name: "Conflict-free alternatives" })
    .getByRole("button");
  await expect(alternatives.first()).toBeVisible();
  expect(await alternatives.count()).toBeLessThanOrEqual(5);
  const picked = ((await alternatives.first().textContent()) ?? "").trim();
  // "Mon, Wed, Fri at 10:45 in Room 104"
  const match = /^(?<days>.+) at (?<time>\d{2}:\d{2})(?: in (?<room>.+))?$/.exec(picked);
  expect(match, `an alternative reads "${picked}"`).not.toBeNull();
  await alternatives.first().click();

  await expect(page.getByLabel("Start time")).toHaveValue(match!.groups!.time!);
  await expect(panel.getByTestId("schedule-summary")).toContainText("No conflicts", {
    timeout: 10_000,
  });
  await expect(panel.getByTestId("conflict-room_booked")).toHaveCount(0);

  await page.getByRole("button", { name: "Create intervention" }).click();
  await expect(page.getByRole("heading", { name: groupName })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Intervention created" })).toBeVisible();
  const interventionId = new URL(page.url()).pathname.split("/").at(-1)!;

  const api = await page.request.get(`/api/v1/interventions/${interventionId}`);
  expect(api.status()).toBe(200);
  const saved = (await api.json()) as { schedule: { startTime: string; days: string[] } };
  expect(saved.schedule.startTime).toBe(match!.groups!.time);
  await signOut(page);

  // LEAD: the calendar invite is another helper's work (issue 10). This step assumes the invite
  // is a communications row addressed to the facilitator whose subject or "About" names the
  // group; adjust the filter (or mark it test.fixme) to the invite's real subject and wording.
  await signIn(page, users.admin);
  await page.goto(`/admin/mailbox?q=${encodeURIComponent(FACILITATOR_EMAIL)}`);
  await expect(page.getByRole("heading", { name: "Mailbox" })).toBeVisible();
  const invite = page.getByTestId("mailbox-row").filter({ hasText: groupName });
  await expect(invite.first()).toBeVisible();
  await expect(invite.first()).toContainText(FACILITATOR_EMAIL);
});

test("a specialist edits a group's schedule from its page and enrolls more students", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  // A group of its own (never the seeded ones other specs read), on an afternoon Ms. Johnson has free.
  const groupName = `Edit Check ${test.info().workerIndex}-${test.info().retry} - Tier 2`;
  const staff = (await (await page.request.get("/api/v1/staff?q=johnson")).json()) as {
    items: { id: string }[];
  };
  const created = await page.request.post("/api/v1/interventions", {
    data: {
      name: groupName,
      tier: 2,
      focusArea: "Vocabulary",
      startDate: dayFromToday(14),
      durationWeeks: 4,
      schedule: { days: ["TU", "TH"], startTime: "14:30", minutes: 20 },
      facilitatorIds: [staff.items[0]?.id],
      studentIds: [],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/interventions/${id}`);
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Edit ${groupName}` })).toBeVisible();
  // Prefilled from the group; its own sessions are no conflict with itself.
  await expect(page.getByLabel("Intervention name")).toHaveValue(groupName);
  await expect(page.getByLabel("Start time")).toHaveValue("14:30");
  await expect(page.getByTestId("schedule-summary")).toContainText("No conflicts");
  await expectAccessible(page, "serious");

  await page.getByLabel("Start time").fill("14:45");
  await expect(page.getByTestId("schedule-summary")).toContainText("No conflicts");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes saved" })).toBeVisible();
  await expect(page.getByText("Tue, Thu at 14:45 · 20 min")).toBeVisible();
  const api = (await (await page.request.get(`/api/v1/interventions/${id}`)).json()) as {
    schedule: { startTime: string };
    version: number;
  };
  expect(api.schedule.startTime).toBe("14:45");
  expect(api.version).toBeGreaterThan(1);

  // A student joins from the group page, with the create form's picker.
  const search = await page.request.get("/api/v1/students?grade=4&limit=5");
  const [student] = ((await search.json()) as { items: { firstName: string; lastName: string }[] })
    .items;
  expect(student).toBeTruthy();
  await page.getByRole("button", { name: "Enroll more students" }).click();
  await page
    .getByRole("combobox", { name: /Students to enroll/ })
    .fill(`${student!.firstName} ${student!.lastName}`);
  await page
    .getByRole("option", { name: new RegExp(`${student!.firstName} ${student!.lastName}`) })
    .first()
    .click();
  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  // LEAD: if the enrollment check finds this student in class then (seeded timetables), the form
  // lists the conflicts in data-testid="enroll-conflicts" instead; pick another student then.
  await expect(page.getByRole("status").filter({ hasText: "1 student enrolled" })).toBeVisible();
  await expect(page.getByTestId("roster").getByRole("row")).toHaveCount(1);
});
