import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
const base = "http://localhost:3000";
await page.goto(`${base}/sign-in`);
await page.getByLabel("E-mail address").fill(process.env.WHO ?? "johnson@maplegrove.example");
await page.getByLabel("Password").fill("demo-password-2025");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
const res = await page.request.get(`${base}/api/v1/students?q=Emma%20Wilson`);
const emma = (await res.json()).items[0];
const paths = (process.env.PATHS ?? "/students/ID,/students/ID/progress").split(",");
for (const [i, p] of paths.entries()) {
  await page.goto(`${base}${p.replace("ID", emma?.id)}`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/m${i}.png`, fullPage: true });
}
await browser.close();
