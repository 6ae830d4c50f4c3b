import { expect, it } from "vitest";
import { printed, testEnvironment } from "../lib/check-test-environment";
import tamper from "./tamper";

it("every kind of audit tampering by every attacker is refused or detected", async () => {
  const rows = await tamper.run(await testEnvironment(), { full: false });
  console.log(printed(rows));
  expect(rows.at(-1)?.figure, printed(rows)).toMatch(/ of \d+ tampering attempts/);
  expect(
    rows.every((r) => r.ok),
    printed(rows),
  ).toBe(true);
}, 120_000);
