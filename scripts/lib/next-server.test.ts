import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { appEnvironment } from "./next-server";

const SECRETS = {
  DATABASE_URL: "postgres://postgres:admin-secret-1@db.district.org/northstar",
  WORKER_DATABASE_URL: "postgres://northstar_worker:worker-secret-2@db.district.org/northstar",
  DB_OWNER_PASSWORD: "owner-secret-3",
  DB_APP_PASSWORD: "app-secret-4",
  DB_WORKER_PASSWORD: "worker-secret-5",
};
const before = { ...process.env };
let dataDir = "";

afterEach(() => {
  for (const name of Object.keys(SECRETS)) {
    if (before[name] === undefined) delete process.env[name];
    else process.env[name] = before[name];
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("the Next server's environment", () => {
  it("carries the app role's URL and no owner, admin or worker password", () => {
    Object.assign(process.env, SECRETS);
    dataDir = mkdtempSync(path.join(tmpdir(), "next-env-"));
    const appUrl = "postgres://northstar_app:app-secret-4@db.district.org/northstar";

    const env = appEnvironment(appUrl, dataDir, 3000);

    expect(env.APP_DATABASE_URL).toBe(appUrl);
    const everything = Object.entries(env)
      .filter(([name]) => name !== "APP_DATABASE_URL")
      .map(([name, value]) => `${name}=${value}`)
      .join("\n");
    for (const secret of [
      "admin-secret-1",
      "worker-secret-2",
      "owner-secret-3",
      "app-secret-4",
      "worker-secret-5",
    ]) {
      expect(everything).not.toContain(secret);
    }
    for (const name of Object.keys(SECRETS)) expect(env[name]).toBeUndefined();
  });
});
