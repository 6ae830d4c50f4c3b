/**
 * Runs before the suites that need programs npm cannot install (`npm run test:int`, `test:e2e`,
 * part of `npm test`): Debian's Chromium for the end-to-end tests (Playwright may not download a
 * browser here), and `pdftotext` (poppler-utils) with which the referral packet's PDF is read
 * back. A missing one is installed when root may use apt; anyone else is told the one command.
 *
 *   tsx scripts/ensure-tools.ts chromium pdftotext
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromiumPath } from "./lib/browser";

interface Tool {
  /** The Debian package that provides it. */
  debianPackage: string;
  present: () => boolean;
  missing: () => string;
}

const TOOLS: Record<string, Tool> = {
  chromium: {
    debianPackage: "chromium",
    present: () => existsSync(chromiumPath()),
    missing: () =>
      `No Chromium at ${chromiumPath()}: run "sudo apt-get install chromium" (or set PLAYWRIGHT_CHROMIUM_PATH), then npm test again.`,
  },
  pdftotext: {
    debianPackage: "poppler-utils",
    present: () => spawnSync("pdftotext", ["-v"], { stdio: "ignore" }).status === 0,
    missing: () => `No pdftotext: run "sudo apt-get install poppler-utils", then npm test again.`,
  },
};

function mayUseApt(): boolean {
  return (
    process.getuid?.() === 0 &&
    spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0
  );
}

function aptInstall(packages: string[]): boolean {
  console.log(`The tests need Debian's ${packages.join(", ")}: installing...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  return [
    ["update", "-qq"],
    ["install", "-y", "-qq", ...packages],
  ].every((args) => spawnSync("apt-get", args, { stdio: "inherit", env }).status === 0);
}

const unknown = process.argv.slice(2).filter((name) => !(name in TOOLS));
if (unknown.length > 0) {
  console.error(
    `ensure-tools: unknown tool(s) ${unknown.join(", ")}; known: ${Object.keys(TOOLS).join(", ")}.`,
  );
  process.exit(2);
}
const missing = process.argv
  .slice(2)
  .map((name) => TOOLS[name] as Tool)
  .filter((tool) => !tool.present());
if (missing.length > 0) {
  const installed = mayUseApt() && aptInstall(missing.map((tool) => tool.debianPackage));
  const still = missing.filter((tool) => !installed || !tool.present());
  for (const tool of still) console.error(tool.missing());
  if (still.length > 0) process.exit(1);
}
