import { describe, expect, it } from "vitest";
import { DemoRefused, demoWanted, seedDemoDataIfAsked } from "./ask";

// Nothing listens here: a loader that tried to write would fail on connecting.
const NOWHERE = "postgres://northstar_owner:x@127.0.0.1:1/none";
const options = { today: "2026-11-18", scale: "small" as const };

describe("the demo districts", () => {
  it("are not loaded unless asked for", async () => {
    expect(demoWanted({})).toBe(false);
    expect(demoWanted({ NODE_ENV: "production" })).toBe(false);
    await expect(seedDemoDataIfAsked(NOWHERE, {}, options)).resolves.toBeNull();
    await expect(
      seedDemoDataIfAsked(NOWHERE, { SEED_DEMO_DATA: "false" }, { ...options, localDefault: true }),
    ).resolves.toBeNull();
  });

  it("are loaded when SEED_DEMO_DATA=true, or by npm start's own local ask", () => {
    expect(demoWanted({ SEED_DEMO_DATA: "true" })).toBe(true);
    expect(demoWanted({}, true)).toBe(true);
    expect(demoWanted({ NODE_ENV: "development" }, true)).toBe(true);
  });

  it("are refused under NODE_ENV=production unless NORTHSTAR_DEMO=true declares a demo server", async () => {
    const production = { SEED_DEMO_DATA: "true", NODE_ENV: "production" } as const;
    expect(() => demoWanted(production)).toThrow(DemoRefused);
    expect(() => demoWanted({ NODE_ENV: "production" }, true)).toThrow(/NORTHSTAR_DEMO=true/);
    await expect(seedDemoDataIfAsked(NOWHERE, production, options)).rejects.toThrow(
      /NODE_ENV=production.*NORTHSTAR_DEMO=true/,
    );
    expect(demoWanted({ ...production, NORTHSTAR_DEMO: "true" })).toBe(true);
  });
});
