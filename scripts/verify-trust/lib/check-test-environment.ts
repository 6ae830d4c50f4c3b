/**
 * For the integration tests of the checks: the TrustEnvironment the runner would hand them, made
 * from the integration database (test/integration-setup.ts) instead of a running build.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { NATS_URL } from "@/test/support/nats";
import type { TrustEnvironment, TrustRow } from "../types";

export async function testEnvironment(): Promise<TrustEnvironment> {
  const environment: TrustEnvironment & { workerDatabaseUrl: string } = {
    workerDatabaseUrl: inject("workerUrl"),
    baseUrl: "http://127.0.0.1:9",
    appDatabaseUrl: inject("appUrl"),
    ownerDatabaseUrl: inject("ownerUrl"),
    adminDatabaseUrl: inject("adminUrl"),
    natsUrl: NATS_URL,
    workDir: await mkdtemp(path.join(tmpdir(), "verify-trust-")),
  };
  return environment;
}

/** The rows as the runner would print them, for a failing assertion's message. */
export const printed = (rows: TrustRow[]) =>
  rows.map((r) => `${r.ok ? "ok  " : "FAIL"} ${r.area} | ${r.check} | ${r.figure}`).join("\n");
