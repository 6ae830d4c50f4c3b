import { expect, inject, it } from "vitest";
import { serverMajor, toolsFor } from "../lib/backup-tools";
import { printed, testEnvironment } from "../lib/check-test-environment";
import backup from "./backup";

// The embedded PostgreSQL 18 has no pg_dump on a machine with Debian's 15 client; the check then
// prints a failed row saying so, and this test runs where the versions meet (the date matrix's
// runs on the machine's PostgreSQL 15).
const adminUrl = inject("adminUrl");
const tools = adminUrl ? await toolsFor(await serverMajor(adminUrl)) : { found: [] };

it.runIf(!("found" in tools))(
  "a restored dump keeps RLS, grants and the audit chain, and the app serves from it",
  async () => {
    const rows = await backup.run(await testEnvironment(), { full: false });
    console.log(printed(rows));
    expect(rows.length, printed(rows)).toBe(5);
    expect(
      rows.every((r) => r.ok),
      printed(rows),
    ).toBe(true);
  },
  120_000,
);
