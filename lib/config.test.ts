import { describe, expect, it } from "vitest";
import { ConfigError, readConfig, SETTINGS } from "./config";

describe("the configuration", () => {
  it("runs on its defaults with nothing set", () => {
    const settings = readConfig({});
    expect(settings).toMatchObject({
      PORT: 3000,
      DATA_DIR: ".data",
      EMBEDDED_PG_PORT: 54329,
      MAIL_POLL_MS: 5000,
      NATS_STREAM: "NORTHSTAR_INTERVENTIONS",
    });
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.NATS_URL).toBeUndefined();
    // No demo district with a published password unless someone asks for it (scripts/seed/ask.ts).
    expect(settings.SEED_DEMO_DATA).toBeUndefined();
  });

  it("takes numbers from text and counts an empty value as unset", () => {
    const settings = readConfig({ PORT: "8080", DATABASE_URL: "", NATS_URL: "  " });
    expect(settings.PORT).toBe(8080);
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.NATS_URL).toBeUndefined();
  });

  it("names every wrong variable in one error, without repeating its value", () => {
    const attempt = () =>
      readConfig({
        PORT: "eighty",
        SMTP_URL: "mail.district.org",
        DATABASE_URL: "mysql://root:hunter2@db/northstar",
        NORTHSTAR_CLOCK: "next Tuesday",
      });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of ["PORT", "SMTP_URL", "DATABASE_URL", "NORTHSTAR_CLOCK"]) {
      expect(message).toContain(`${name}:`);
    }
    expect(message).not.toContain("hunter2");
  });

  it("documents every setting it reads", () => {
    const read = Object.keys(readConfig({}));
    expect(Object.keys(SETTINGS).sort()).toEqual(expect.arrayContaining(read.sort()));
    for (const doc of Object.values(SETTINGS)) expect(doc.meaning.length).toBeGreaterThan(5);
  });
});
