import { expect, it } from "vitest";
import { printed, testEnvironment } from "../lib/check-test-environment";
import faults from "./faults";

it("resets mid-write leave no partial write, and a retry with the same key one effect", async () => {
  const rows = await faults.run(await testEnvironment(), { full: false });
  expect(rows.length, printed(rows)).toBe(2);
  expect(
    rows.every((r) => r.ok),
    printed(rows),
  ).toBe(true);
}, 120_000);
