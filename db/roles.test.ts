import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "@/lib/config";
import { rolePasswords } from "./roles";

const PUBLISHED = ["northstar-owner-dev", "northstar-app-dev"];
let dir = "";

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the database roles' passwords", () => {
  it("have no default in the configuration", () => {
    const settings = readConfig({});
    expect(settings.DB_OWNER_PASSWORD).toBeUndefined();
    expect(settings.DB_APP_PASSWORD).toBeUndefined();
    expect(settings.DB_WORKER_PASSWORD).toBeUndefined();
  });

  it("are random, one per role, made on first use and the same on every later start", () => {
    dir = mkdtempSync(path.join(tmpdir(), "role-passwords-"));
    const first = rolePasswords(dir);
    const values = [first.owner, first.app, first.worker];
    expect(new Set(values).size).toBe(3);
    for (const value of values) {
      expect(PUBLISHED).not.toContain(value);
      expect(value.length).toBeGreaterThanOrEqual(32);
    }
    expect(rolePasswords(dir)).toEqual(first);
    // Kept like the session secret: readable by the account that runs the service only.
    expect(statSync(path.join(dir, "db-owner-password")).mode & 0o077).toBe(0);
  });

  it("differ from one data folder to the next", () => {
    dir = mkdtempSync(path.join(tmpdir(), "role-passwords-"));
    expect(rolePasswords(path.join(dir, "a")).owner).not.toBe(
      rolePasswords(path.join(dir, "b")).owner,
    );
  });
});
