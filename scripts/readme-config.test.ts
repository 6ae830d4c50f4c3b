import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withSettingsTables } from "./readme-config";

describe("the README's variable tables", () => {
  it("are the ones lib/config.ts generates (run npm run readme:config after a change)", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(withSettingsTables(readme)).toBe(readme);
  });
});
