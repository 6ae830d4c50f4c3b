import type { Browser, Page } from "@playwright/test";
import { passwordLinkMailedTo } from "./password-link-mail";
import {
  DEMO_PASSWORD,
  expect,
  expectAccessible,
  pageOfItsOwn,
  signIn,
  test,
  users,
} from "./support";

const FACILITATOR = "facilitator@maplegrove.example";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await pageOfItsOwn(browser);
  await signIn(page, email);
  return page;
}

/** The admin's form for Mr. Alvarez on the People and access page. */
async function alvarezForm(admin: Page) {
  await admin.goto("/admin/users?q=alvarez");
  const form = admin.getByRole("form", { name: "Access of Marcus Alvarez" });
  await expect(form).toBeVisible();
  return form;
}

test("an admin switches an account off and changes its role, and it holds from the person's next click", async ({
  browser,
}) => {
  const admin = await signedIn(browser, users.admin);
  const facilitator = await signedIn(browser, FACILITATOR);
  await expect(facilitator.getByRole("link", { name: "New intervention" })).toHaveCount(0);

  // Switched off: the open session ends at the next page, and signing in again is refused.
  let form = await alvarezForm(admin);
  await form.getByLabel("May sign in").uncheck();
  await form.getByRole("button", { name: /Save/ }).click();
  await expect(form.getByRole("status")).toContainText("can no longer sign in");
  await facilitator.reload();
  await expect(facilitator).toHaveURL(/\/sign-in/);
  await facilitator.getByLabel("E-mail address").fill(FACILITATOR);
  await facilitator.getByLabel("Password").fill(DEMO_PASSWORD);
  await facilitator.getByRole("button", { name: "Sign in" }).click();
  await expect(
    facilitator.getByRole("alert").filter({ hasText: "do not match an active account" }),
  ).toBeVisible();

  // Back on, as an intervention specialist: the specialist's navigation appears.
  form = await alvarezForm(admin);
  await form.getByLabel("May sign in").check();
  await form.getByLabel("Role").selectOption({ label: "Intervention specialist" });
  await form.getByRole("button", { name: /Save/ }).click();
  await expect(form.getByRole("status")).toContainText("is intervention specialist");
  // The session open when the account was switched off does not come back with it.
  await facilitator.goto("/dashboard");
  await expect(facilitator).toHaveURL(/\/sign-in/);
  await signIn(facilitator, FACILITATOR);
  await expect(facilitator.getByRole("link", { name: "New intervention" }).first()).toBeVisible();

  // The change is in the audit trail, and the admin cannot lock themselves out.
  await admin.goto("/admin/audit?action=user.access-changed");
  await expect(
    admin.getByRole("row", { name: /Dr\. Patricia Reyes .*user\.access-changed/ }).first(),
  ).toBeVisible();
  await admin.goto("/admin/users?q=reyes");
  const own = admin.getByRole("form", { name: /Access of .*Reyes/ });
  await expect(own.getByLabel("May sign in")).toBeDisabled();
  await expect(own.getByLabel("Role")).toBeDisabled();

  form = await alvarezForm(admin);
  await form.getByLabel("Role").selectOption({ label: "Facilitator" });
  await form.getByRole("button", { name: /Save/ }).click();
  await expect(form.getByRole("status")).toContainText("is facilitator");
});

test("the People and access page is the district admin's only", async ({ page }) => {
  await signIn(page, users.specialist);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
});

test("an admin gives a staff member an account; she chooses her password from the e-mailed link and signs in", async ({
  browser,
}) => {
  const admin = await signedIn(browser, users.admin);
  await admin.goto("/admin/users?q=okafor");
  await expectAccessible(admin);
  const give = admin.getByRole("form", { name: "Account for Linda Okafor" });
  await give.getByLabel("Role").selectOption({ label: "Facilitator" });
  await give.getByRole("button", { name: /Give an account/ }).click();
  await expect(admin.getByRole("status").filter({ hasText: "will get an e-mail" })).toBeVisible();

  // The mailbox keeps the message, but never the link: an admin could take the account over.
  await admin.goto("/admin/mailbox?q=okafor");
  await admin.getByRole("link", { name: "Your NorthStar Interventions account" }).first().click();
  const body = (await admin.locator("pre").first().textContent()) ?? "";
  expect(body).toContain("as facilitator");
  expect(body).toContain("[password link — sent only to the recipient]");
  expect(await admin.content()).not.toMatch(/set-password|token=/);
  const link = await passwordLinkMailedTo("linda.okafor@maplegrove.example");

  const linda = await pageOfItsOwn(browser);
  await linda.goto(link.pathname + link.search);
  await expect(linda.getByText("For Linda Okafor")).toBeVisible();
  await expectAccessible(linda);
  await linda.getByLabel("New password").fill("short");
  await linda.getByLabel("The same password again").fill("short");
  await linda.getByRole("button", { name: "Set my password" }).click();
  await expect(linda.getByText("At least 12 characters (and at most 200).")).toBeVisible();
  await linda.getByLabel("New password").fill("number sense every morning");
  await linda.getByLabel("The same password again").fill("number sense every morning");
  await linda.getByRole("button", { name: "Set my password" }).click();
  await expect(linda.getByRole("status")).toContainText("Your password is set.");

  await linda.getByRole("link", { name: /Sign in as/ }).click();
  await linda.getByLabel("E-mail address").fill("linda.okafor@maplegrove.example");
  await linda.getByLabel("Password").fill("number sense every morning");
  await linda.getByRole("button", { name: "Sign in" }).click();
  await expect(linda.getByText("Linda Okafor").first()).toBeVisible();
  await expect(linda.getByRole("link", { name: "Today's sessions" }).first()).toBeVisible();

  // The link worked once.
  await linda.goto(link.pathname + link.search);
  await expect(
    linda.getByRole("alert").filter({ hasText: "This link was used already" }),
  ).toBeVisible();
});

test("a teacher who forgot the password asks for a link, and the page tells strangers nothing", async ({
  page,
  browser,
}) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("E-mail address").fill("not-an-address");
  await page.getByRole("button", { name: "E-mail me a link" }).click();
  await expect(page.getByText("Enter the e-mail address you sign in with.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("E-mail address").fill(users.teacher);
  await page.getByRole("button", { name: "E-mail me a link" }).click();
  await expect(page.getByRole("status")).toContainText(
    `If ${users.teacher} has a NorthStar account`,
  );

  await page.goto("/forgot-password");
  await page.getByLabel("E-mail address").fill("stranger@elsewhere.example");
  await page.getByRole("button", { name: "E-mail me a link" }).click();
  await expect(page.getByRole("status")).toContainText(
    "If stranger@elsewhere.example has a NorthStar account",
  );

  const admin = await signedIn(browser, users.admin);
  await admin.goto(`/admin/mailbox?q=${users.teacher}`);
  await expect(
    admin.getByRole("link", { name: "Your NorthStar Interventions password" }),
  ).toHaveCount(1);
});

test("a Spanish-speaking guardian gets portal access: the link, the page and the portal speak Spanish", async ({
  browser,
}) => {
  const admin = await signedIn(browser, users.admin);
  // "@" is in every address: the search lists guardians without portal access.
  await admin.goto("/admin/users?q=%40&role=parent");
  const rows = admin.getByTestId("guardian-without-account");
  const texts = await rows.allTextContents();
  const index = texts.findIndex((text) => text.includes("Spanish"));
  expect(index).toBeGreaterThanOrEqual(0);
  const row = rows.nth(index);
  const name = ((await row.getByRole("form").getAttribute("aria-label")) ?? "").replace(
    "Account for ",
    "",
  );
  const afterName = (texts[index] ?? "").slice((texts[index] ?? "").indexOf(name) + name.length);
  const email = afterName.match(/^[\w.+-]+@[\w.-]+\.example/)?.[0] ?? "";
  expect(email).not.toBe("");
  await row.getByRole("button", { name: /Give portal access/ }).click();
  await expect(row.getByRole("status")).toContainText(`will get an e-mail at ${email}`);

  await admin.goto(`/admin/mailbox?q=${encodeURIComponent(email)}`);
  await admin.getByRole("link", { name: "Su cuenta de NorthStar Interventions" }).click();
  const body = (await admin.locator("pre").first().textContent()) ?? "";
  expect(body).toContain(
    "[enlace para elegir la contraseña — enviado solo a la persona destinataria]",
  );
  expect(body).not.toMatch(/set-password|token=/);
  const link = await passwordLinkMailedTo(email);
  expect(link.searchParams.get("lang")).toBe("es");

  const family = await pageOfItsOwn(browser, { viewport: { width: 390, height: 844 } });
  await family.goto(link.pathname + link.search);
  await expect(family.getByRole("heading", { name: "Elija su contraseña" })).toBeVisible();
  await family.getByLabel("Contraseña nueva").fill("nuestra familia lee cada noche");
  await family.getByLabel("La misma contraseña otra vez").fill("nuestra familia lee cada noche");
  await family.getByRole("button", { name: "Guardar mi contraseña" }).click();
  await expect(family.getByRole("status")).toContainText("Su contraseña está guardada.");
  await family.getByRole("link", { name: `Iniciar sesión como ${email}` }).click();
  await family.getByLabel("Correo electrónico").fill(email);
  await family.getByLabel("Contraseña").fill("nuestra familia lee cada noche");
  await family.getByRole("button", { name: "Iniciar sesión" }).click();
  await expect(family.getByRole("heading", { name: "Su familia" })).toBeVisible();
});
