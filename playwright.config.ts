import { defineConfig, devices } from "@playwright/test";
import { initClock } from "./lib/clock";
import { config } from "./lib/config";
import { chromiumPath } from "./scripts/lib/browser";
import { pinTestClock } from "./test/clock";

// The server, the test code and the browser read one clock: pinned to a school day (or to the
// instant `npm run test:dates` chose), running on from the moment this config is first loaded.
// initClock() records that moment in NORTHSTAR_CLOCK_SINCE, which the server and the test
// workers inherit, so all three agree to the second.
pinTestClock({ frozen: false });
initClock();

const settings = config();
const port = settings.E2E_PORT;
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * End-to-end tests drive Debian's Chromium (browsers cannot be downloaded here) against the
 * real app, started by `npm start` itself on a database of its own, rebuilt from nothing.
 */
export default defineConfig({
  testDir: "e2e",
  // Per port: two runs at once (the date matrix) must not clear each other's results.
  outputDir: `test-results/e2e-${port}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: chromiumArgs,
    },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node_modules/.bin/tsx scripts/start.ts --fresh",
    url: `http://127.0.0.1:${port}/sign-in`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: settings.E2E_DATA_DIR,
      EMBEDDED_PG_PORT: String(settings.E2E_EMBEDDED_PG_PORT),
      DATABASE_NAME: "northstar_e2e",
      // The end-to-end run never uses a server the developer pointed DATABASE_URL at.
      DATABASE_URL: "",
      // The specs sign in as the demo accounts: asked for by name, not left to a default.
      SEED_DEMO_DATA: "true",
      // The server reads the clock pinned above (and its start) from the environment it inherits.
    },
  },
});
