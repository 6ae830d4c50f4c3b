import { expect, it } from "vitest";
import { printed, testEnvironment } from "../lib/check-test-environment";
import broker from "./broker";

it("NATS killed while events are written: none lost, none applied twice, no copies", async () => {
  const rows = await broker.run(await testEnvironment(), { full: false });
  expect(rows.length, printed(rows)).toBe(2);
  expect(
    rows.every((r) => r.ok),
    printed(rows),
  ).toBe(true);
  console.log(printed(rows));
}, 120_000);
