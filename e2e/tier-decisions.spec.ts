import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, signOut, test, users } from "./support";

/**
 * Scenario 7 (issue 11, point 1): a student flagged as not responding on a group's
 * effectiveness page is moved to Tier 3 from the decision form the flag opens; the data is kept
 * with the decision, the tier history links to it, and the family's letter is in the
 * communications log. Then the decision is discussed at an MTSS meeting (point 2).
 */

interface Listed {
  id: string;
  name: string;
}

interface NonResponderFound {
  groupId: string;
  studentId: string;
}

/** A group whose effectiveness names a non-responder now in Tier 2. */
async function findNonResponder(page: Page): Promise<NonResponderFound | null> {
  const { items } = (await (await page.request.get("/api/v1/interventions?limit=100")).json()) as {
    items: Listed[];
  };
  for (const group of items) {
    const response = await page.request.get(`/api/v1/interventions/${group.id}/effectiveness`);
    if (!response.ok()) continue;
    const { nonResponders } = (await response.json()) as {
      nonResponders: { studentId: string }[];
    };
    for (const { studentId } of nonResponders) {
      const history = await page.request.get(`/api/v1/students/${studentId}/interventions`);
      if ((await history.json()).currentTier === 2) return { groupId: group.id, studentId };
    }
  }
  return null;
}

test("Scenario 7: from a non-responder to Tier 3, with the data kept and the family's letter", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  const found = await findNonResponder(page);
  // The seed gives one (scripts/seed/maple-grove-fluency.ts), whatever day the clock says.
  expect(found, "The seeded data names no non-responder in Tier 2 today.").not.toBeNull();
  const { groupId, studentId } = found!;

  // The flag opens the student's decision form, prefilled: escalate, on this group's data.
  await page.goto(`/interventions/${groupId}/effectiveness`);
  const flag = page.getByTestId("non-responders").getByRole("link", {
    name: /Record a tier decision for/,
  });
  const name = ((await flag.first().textContent()) ?? "").replace(
    "Record a tier decision for ",
    "",
  );
  await page
    .getByTestId("non-responders")
    .getByRole("link", { name: `Record a tier decision for ${name}` })
    .click();
  await page.waitForURL(new RegExp(`/students/${studentId}\\?decision=escalate`));
  await expect(page.getByLabel("Kind of decision")).toHaveValue("escalate");
  await expect(page.getByLabel("Data from the intervention")).toHaveValue(groupId);

  await page.getByLabel(/New tier/).selectOption("3");
  // Non-responders are named only while fidelity holds, but the form would ask otherwise.
  const warning = page.getByTestId("low-fidelity-warning");
  if (await warning.isVisible()) {
    await expect(warning).toContainText("not delivered as planned");
    await page
      .getByLabel("Reason to proceed at low fidelity")
      .fill("The missed sessions were make-ups; growth was flat before them.");
  }
  const reason = `Team ${randomUUID().slice(0, 8)}: below the benchmark and the aim line for six weeks.`;
  await page.getByLabel("Justification").fill(reason);
  await page.getByLabel("Team who decided").fill("Johnson");
  await page
    .getByRole("option", { name: /Johnson/ })
    .first()
    .click();
  await page.getByLabel("Member 1 role").fill("Reading specialist");
  await page.getByRole("button", { name: "Add someone not in the staff list" }).click();
  await page.getByLabel("Member 2 name").fill("Mr. Lee");
  await page.getByLabel("Member 2 role").fill("Classroom teacher");
  await page.getByRole("button", { name: "Record tier decision" }).click();
  const status = page.getByRole("status").filter({ hasText: "now tier 3" });
  await expect(status).toContainText("letter");
  await expectAccessible(page);

  // The decision's page draws the data kept with it.
  await status.getByRole("link", { name: "See the decision and its data" }).click();
  await page.waitForURL(new RegExp(`/students/${studentId}/decisions/[0-9a-f-]{36}$`));
  await expect(page.getByTestId("decision-justification")).toHaveText(reason);
  await expect(page.getByTestId("decision-team")).toContainText("Mr. Lee, Classroom teacher");
  await expect(page.getByTestId("snapshot-verdict")).toContainText("Decision rule:");
  await expect(page.getByTestId("snapshot-scores")).toBeVisible();
  await expect(page.getByTestId("snapshot-fidelity")).not.toBeEmpty();
  await expectAccessible(page);
  const decisionUrl = new URL(page.url()).pathname;

  // The tier history, on the page and through the API, links the snapshot.
  await page.goto(`/students/${studentId}`);
  const entry = page.getByTestId("tier-decision").filter({ hasText: reason });
  await expect(entry).toContainText("Tier 2 → Tier 3");
  await expect(entry).toContainText("Mr. Lee (Classroom teacher)");
  await expect(entry.getByRole("link", { name: "The data at the time" })).toHaveAttribute(
    "href",
    decisionUrl,
  );
  const history = await (
    await page.request.get(`/api/v1/students/${studentId}/interventions`)
  ).json();
  expect(history.tierHistory.at(-1)).toMatchObject({
    decision: "escalate",
    toTier: 3,
    justification: reason,
    snapshotUrl: decisionUrl,
  });

  // The family's letter is in the communications log.
  await signOut(page);
  await signIn(page, users.admin);
  await page.goto("/admin/mailbox");
  await expect(
    page.getByTestId("mailbox-row").filter({ hasText: "Tier decision: Tier 2 → Tier 3" }).first(),
  ).toBeVisible();
});

test("an MTSS meeting's recap names each student's decision and prints", async ({ page }) => {
  await signIn(page, users.specialist);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "MTSS meetings" })
    .click();
  await page.getByRole("link", { name: "Record a meeting" }).click();
  const title = `Grade 3 data meeting ${randomUUID().slice(0, 6)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Attendees").fill("Johnson");
  await page
    .getByRole("option", { name: /Johnson/ })
    .first()
    .click();
  await page.getByLabel("Member 1 role").fill("Reading specialist");
  await page.getByRole("button", { name: "Record the meeting" }).click();
  await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await page.getByLabel("Student discussed").fill("Emma Wilson");
  await page
    .getByRole("option", { name: /Emma Wilson/ })
    .first()
    .click();
  await page.getByLabel("Record a tier decision now").uncheck();
  await page.getByLabel("Decision", { exact: true }).fill("Continue; add a weekly probe");
  await page.getByLabel("What").fill("small-group phonics");
  await page.getByLabel("With", { exact: true }).fill("Ms. Johnson");
  await page.getByLabel("Sessions a week").fill("3");
  await page.getByLabel("Minutes each").fill("30");
  await page.getByLabel("Review on").fill("2027-02-01");
  await page.getByRole("button", { name: "Add the student discussed" }).click();
  await expect(page.getByTestId("recap-lines")).toContainText(
    "Emma Wilson: Continue; add a weekly probe, small-group phonics with Ms. Johnson, 3×30 min, review 2027-02-01",
  );
  await expect(page.getByRole("button", { name: "Print the recap" })).toBeVisible();
  await expectAccessible(page);
});
