/**
 * Runs before the end-to-end tests (`npm run test:e2e`, part of `npm test`): they drive Debian's
 * Chromium, which npm cannot install and Playwright may not download here. When no browser is
 * found, root with apt installs the `chromium` package; anyone else is told the one command.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromiumPath } from "./lib/browser";

function hasApt(): boolean {
  return spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}

function installChromium(): boolean {
  console.log("The end-to-end tests need Chromium: installing Debian's chromium package...");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "chromium"],
  ]) {
    if (spawnSync("apt-get", args, { stdio: "inherit", env }).status !== 0) return false;
  }
  return true;
}

const browser = chromiumPath();
if (!existsSync(browser)) {
  const mayInstall = process.getuid?.() === 0 && hasApt();
  if (!mayInstall || !installChromium() || !existsSync(browser)) {
    console.error(
      `No Chromium at ${browser}: run "sudo apt-get install chromium" (or set PLAYWRIGHT_CHROMIUM_PATH), then npm test again.`,
    );
    process.exit(1);
  }
}
