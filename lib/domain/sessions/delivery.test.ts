import { describe, expect, it } from "vitest";
import { deliveryToDate, isMakeupSession, type SessionForDelivery } from "./delivery";

const now = new Date("2026-11-25T16:00:00Z");
const at = (iso: string) => new Date(iso);

function session(
  sequence: number,
  status: SessionForDelivery["status"],
  startsAt: string,
  minutes = 30,
): SessionForDelivery {
  return { sequence, status, startsAt: at(startsAt), minutes };
}

describe("isMakeupSession", () => {
  it("treats sessions numbered past the plan as added later", () => {
    expect(isMakeupSession(24, 24)).toBe(false);
    expect(isMakeupSession(25, 24)).toBe(true);
  });
});

describe("deliveryToDate", () => {
  it("counts planned sessions that have begun, and held ones", () => {
    const sessions = [
      session(1, "held", "2026-11-23T16:00:00Z"),
      session(2, "scheduled", "2026-11-25T16:00:00Z"), // begins right now
      session(3, "scheduled", "2026-11-27T16:00:00Z"), // future
    ];
    expect(deliveryToDate(sessions, 3, now)).toEqual({
      sessionsScheduledToDate: 2,
      sessionsHeld: 1,
      minutesPlanned: 60,
      minutesDelivered: 30,
    });
  });

  it("counts a cancelled planned session as due but not delivered", () => {
    const sessions = [
      session(1, "held", "2026-11-20T16:00:00Z"),
      session(2, "cancelled", "2026-11-23T16:00:00Z"),
    ];
    expect(deliveryToDate(sessions, 2, now)).toMatchObject({
      sessionsScheduledToDate: 2,
      sessionsHeld: 1,
    });
  });

  it("lets a held make-up restore the dose of a cancelled session", () => {
    const sessions = [
      session(1, "held", "2026-11-20T16:00:00Z"),
      session(2, "cancelled", "2026-11-23T16:00:00Z"),
      session(3, "held", "2026-11-24T16:00:00Z"), // make-up: past the plan of 2
    ];
    expect(deliveryToDate(sessions, 2, now)).toEqual({
      sessionsScheduledToDate: 2,
      sessionsHeld: 2,
      minutesPlanned: 60,
      minutesDelivered: 60,
    });
  });

  it("never reports more than the plan delivered", () => {
    const sessions = [
      session(1, "held", "2026-11-20T16:00:00Z"),
      session(2, "held", "2026-11-21T16:00:00Z", 45), // make-up with nothing to make up
    ];
    expect(deliveryToDate(sessions, 1, now)).toEqual({
      sessionsScheduledToDate: 1,
      sessionsHeld: 1,
      minutesPlanned: 30,
      minutesDelivered: 30,
    });
  });

  it("counts a session held before its planned start (recorded early) as due", () => {
    const sessions = [session(1, "held", "2026-11-25T18:00:00Z")];
    expect(deliveryToDate(sessions, 1, now)).toMatchObject({
      sessionsScheduledToDate: 1,
      sessionsHeld: 1,
    });
  });

  it("is all zeros before the first session", () => {
    expect(deliveryToDate([session(1, "scheduled", "2026-12-01T16:00:00Z")], 1, now)).toEqual({
      sessionsScheduledToDate: 0,
      sessionsHeld: 0,
      minutesPlanned: 0,
      minutesDelivered: 0,
    });
  });
});
