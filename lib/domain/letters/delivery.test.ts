import { describe, expect, it } from "vitest";
import { afterFailure, MAX_ATTEMPTS } from "./delivery";

const now = new Date("2026-11-25T15:00:00Z");

describe("afterFailure", () => {
  it("retries with growing waits", () => {
    expect(afterFailure(1, { message: "ECONNREFUSED" }, now)).toEqual({
      status: "queued",
      nextAttemptAt: new Date("2026-11-25T15:01:00Z"),
      lastError: "ECONNREFUSED",
    });
    expect(afterFailure(3, { message: "timeout", responseCode: 421 }, now)).toMatchObject({
      nextAttemptAt: new Date("2026-11-25T15:15:00Z"),
    });
  });

  it("gives up after the last attempt", () => {
    expect(afterFailure(MAX_ATTEMPTS, { message: "down" }, now)).toEqual({
      status: "failed",
      lastError: "down",
    });
  });

  it("treats a 5xx refusal as a bounce, not retried", () => {
    expect(afterFailure(1, { message: "550 no such user", responseCode: 550 }, now)).toEqual({
      status: "bounced",
      lastError: "550 no such user",
    });
  });
});
