import { describe, expect, it } from "vitest";
import { fidelity } from "./fidelity";

describe("fidelity", () => {
  it("reports both rates and trusts them at 80% exactly", () => {
    expect(
      fidelity({
        sessionsScheduledToDate: 10,
        sessionsHeld: 8,
        minutesPlanned: 300,
        minutesDelivered: 240,
      }),
    ).toEqual({ sessionRate: 0.8, minutesRate: 0.8, threshold: 0.8, trusted: true });
  });

  it("does not trust 79% of sessions even when minutes are complete", () => {
    const result = fidelity({
      sessionsScheduledToDate: 100,
      sessionsHeld: 79,
      minutesPlanned: 3000,
      minutesDelivered: 3000,
    });
    expect(result.sessionRate).toBe(0.79);
    expect(result.trusted).toBe(false);
  });

  it("does not trust short sessions even when every session was held", () => {
    const result = fidelity({
      sessionsScheduledToDate: 12,
      sessionsHeld: 12,
      minutesPlanned: 360,
      minutesDelivered: 270,
    });
    expect(result.minutesRate).toBe(0.75);
    expect(result.trusted).toBe(false);
  });

  it("gives unknown rates, and no trust, when nothing is scheduled yet", () => {
    expect(
      fidelity({
        sessionsScheduledToDate: 0,
        sessionsHeld: 0,
        minutesPlanned: 0,
        minutesDelivered: 0,
      }),
    ).toEqual({ sessionRate: null, minutesRate: null, threshold: 0.8, trusted: false });
  });

  it("takes another threshold", () => {
    const delivery = {
      sessionsScheduledToDate: 10,
      sessionsHeld: 9,
      minutesPlanned: 100,
      minutesDelivered: 90,
    };
    expect(fidelity(delivery, 0.95).trusted).toBe(false);
    expect(fidelity(delivery, 0.9).trusted).toBe(true);
  });
});
