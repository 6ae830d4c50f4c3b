import { expect, it } from "vitest";
import { printed, testEnvironment } from "../lib/check-test-environment";
import backup from "./backup";

it("a restored dump keeps RLS, grants and the audit chain, and the app serves from it", async () => {
  const rows = await backup.run(await testEnvironment(), { full: false });
  console.log(printed(rows));
  expect(rows.length, printed(rows)).toBe(5);
  expect(
    rows.every((r) => r.ok),
    printed(rows),
  ).toBe(true);
}, 120_000);
