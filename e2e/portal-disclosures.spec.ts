import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/scripts/seed/accounts";
import { expect, expectAccessible, signIn, signOut, test, users } from "./support";

/**
 * Issue 13, point 3, on a phone: a parent reads who has seen her child's records (FERPA 99.32)
 * and prints it, asks the team a question, and reads the answer given on the team's dashboard.
 * Another family's child is not found, and a Spanish-speaking father reads his child's log in
 * Spanish.
 */

test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

/** A student's id by name, through the API (the signed-in user must be staff). */
async function studentId(page: Page, name: string): Promise<string> {
  const response = await page.request.get(`/api/v1/students?q=${encodeURIComponent(name)}`);
  expect(response.ok()).toBeTruthy();
  const { items } = (await response.json()) as {
    items: { id: string; firstName: string; lastName: string }[];
  };
  const found = items.find((s) => `${s.firstName} ${s.lastName}` === name);
  expect(found, `${name} is in the seed`).toBeDefined();
  return found!.id;
}

test("a parent reads who has seen Emma's records, prints it, and asks the team a question that is answered", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const recipient = `Evaluation team ${randomUUID().slice(0, 8)}`;
  const question = `Could Emma practise reading at home with a log? (${randomUUID().slice(0, 6)})`;
  const answer = "Yes: a reading log goes home in her folder every Friday.";

  // The specialist prepares Emma's referral packet for the evaluation team: a disclosure.
  await signIn(page, users.specialist);
  const emma = await studentId(page, "Emma Wilson");
  const packet = await page.request.get(
    `/api/v1/students/${emma}/referral-packet?disclosedTo=${encodeURIComponent(recipient)}`,
  );
  expect(packet.status()).toBe(200);
  // The portal's pages are the family's: staff read the log through the API.
  expect((await page.goto(`/portal/children/${emma}/disclosures`))?.status()).toBe(404);
  await signOut(page);

  // Her mother opens the log on her phone.
  await signIn(page, users.parent);
  await page.goto(`/portal/children/${emma}/disclosures`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Who has seen Emma Wilson's records" }),
  ).toBeVisible();
  const entry = page.getByTestId("disclosure").filter({ hasText: recipient });
  await expect(entry).toContainText("special education referral");
  await expect(entry).toContainText("The special education referral packet");
  await expect(entry).toContainText("Sarah Johnson");
  const print = page.getByRole("button", { name: "Print this list" });
  await expect(print).toBeVisible();
  await expectAccessible(page);
  // On paper: the log, without the app's header and the button.
  await page.emulateMedia({ media: "print" });
  await expect(print).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(entry).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // She asks the team a question; an empty one is refused under its field.
  await page.getByRole("link", { name: "Ask the team" }).click();
  await page.waitForURL(`**/portal/children/${emma}/requests`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Questions and requests" }),
  ).toBeVisible();
  const ask = page.getByRole("region", { name: "Ask the team a question" });
  await ask.getByRole("button", { name: "Send the question" }).click();
  await expect(ask.getByText("Write at least 10 characters, and no more than 2000.")).toBeVisible();
  await ask.getByLabel("Your question").fill(question);
  await ask.getByRole("button", { name: "Send the question" }).click();
  await expect(ask.getByRole("status")).toHaveText(
    "Your question was sent. The team will answer you here.",
  );
  const mine = page.getByTestId("family-request").filter({ hasText: question });
  await expect(mine).toContainText("Waiting for the team's answer.");
  await expectAccessible(page);
  await signOut(page);

  // The specialist answers it from her dashboard; it leaves the list.
  await signIn(page, users.specialist);
  await page.goto("/dashboard");
  const waiting = page.getByTestId("open-family-request").filter({ hasText: question });
  await expect(waiting).toContainText("Emma Wilson");
  await expect(waiting).toContainText("Question from Jennifer Wilson");
  await waiting.getByText("Answer", { exact: true }).click();
  await waiting.getByLabel("The team's answer").fill(answer);
  await waiting.getByRole("button", { name: "Send the answer" }).click();
  await expect(waiting).toHaveCount(0);
  await signOut(page);

  // The answer is in the portal.
  await signIn(page, users.parent);
  await page.goto(`/portal/children/${emma}/requests`);
  await expect(mine).toContainText(answer);
  await expect(mine).toContainText("Answer from Sarah Johnson");
});

test("another family's child is not found; a Spanish-speaking father reads his child's log in Spanish", async ({
  page,
}) => {
  await signIn(page, users.specialist);
  const emma = await studentId(page, "Emma Wilson");
  const sophia = await studentId(page, "Sophia Martinez");
  await signOut(page);

  await signIn(page, DEMO_ACCOUNTS.padre);
  for (const path of ["disclosures", "requests"]) {
    expect((await page.goto(`/portal/children/${emma}/${path}`))?.status()).toBe(404);
  }
  await page.goto(`/portal/children/${sophia}/disclosures`);
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: "Quién ha visto los registros de Sophia Martinez",
    }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Imprimir esta lista" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/portal/children/${sophia}/requests`);
  const amend = page.getByRole("region", { name: "Pedir que se corrija un registro" });
  await amend.getByRole("button", { name: "Enviar la solicitud" }).click();
  await expect(amend.getByText("Escriba al menos 10 caracteres y no más de 2000.")).toBeVisible();
  await expectAccessible(page);
});
