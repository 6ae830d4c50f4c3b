import { describe, expect, it } from "vitest";
import {
  intendedOffset,
  type Outcome,
  plannedCount,
  runOpenLoop,
  summarizeOutcomes,
  weightedCycle,
} from "./open-loop";

/** A clock that moves only when the driver sleeps or a test says so. */
function fakeTime() {
  let t = 1_000;
  return {
    clock: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe("the open-loop schedule", () => {
  it("spaces requests evenly at the rate and sends rate × seconds of them", () => {
    expect(intendedOffset(0, 100)).toBe(0);
    expect(intendedOffset(1, 100)).toBe(10);
    expect(intendedOffset(250, 100)).toBe(2_500);
    expect(plannedCount(100, 120)).toBe(12_000);
    expect(plannedCount(3, 2.5)).toBe(7);
  });

  it("mixes kinds in proportion to their weights in every window of the total", () => {
    const next = weightedCycle({ attendance: 60, chart: 25, note: 10, create: 5 });
    for (let window = 0; window < 3; window++) {
      const counts: Record<string, number> = {};
      for (let i = 0; i < 100; i++) {
        const kind = next();
        counts[kind] = (counts[kind] ?? 0) + 1;
      }
      expect(counts).toEqual({ attendance: 60, chart: 25, note: 10, create: 5 });
    }
  });

  it("spreads a small kind out rather than sending it in a burst", () => {
    const next = weightedCycle({ a: 3, b: 1 });
    expect(Array.from({ length: 8 }, next).join("")).toBe("aaba".repeat(2));
  });

  it("refuses a mix without weight", () => {
    expect(() => weightedCycle({ a: 0 })).toThrow(/weight above 0/);
  });
});

describe("runOpenLoop", () => {
  it("sends at the intended times without waiting for answers", async () => {
    const time = fakeTime();
    const sentAt: number[] = [];
    const never = new Promise<number>(() => {});
    const run = runOpenLoop({
      ratePerSecond: 50,
      seconds: 0.1,
      kindOf: () => "x",
      send: () => {
        sentAt.push(time.clock());
        return sentAt.length < 5 ? never : Promise.resolve(200);
      },
      ...time,
    });
    // Five due at 0, 20, 40, 60, 80 ms; the first four never answer, yet all five left on time.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sentAt).toEqual([1_000, 1_020, 1_040, 1_060, 1_080]);
    void run;
  });

  it("times each request from its intended start, so a late send counts its wait", async () => {
    const time = fakeTime();
    const answers: (() => void)[] = [];
    const run = runOpenLoop({
      ratePerSecond: 10,
      seconds: 0.3,
      kindOf: (i) => {
        // The driver stalls 250 ms before its second send: that one and the third leave late.
        if (i === 1) time.advance(250);
        return `k${i}`;
      },
      send: () => new Promise<number>((resolve) => answers.push(() => resolve(200))),
      ...time,
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answers).toHaveLength(3);
    // Every answer arrives 400 ms after the start (due at 0, 100 and 200 ms).
    time.advance(1_400 - time.clock());
    for (const answer of answers) answer();
    const outcomes = await run;
    expect(outcomes.map((o) => [o.kind, o.latencyMs, o.sendLagMs])).toEqual([
      ["k0", 400, 0],
      ["k1", 300, 250],
      ["k2", 200, 150],
    ]);
  });

  it("counts a request that got no answer as an error of status 0", async () => {
    const time = fakeTime();
    const outcomes = await runOpenLoop({
      ratePerSecond: 10,
      seconds: 0.2,
      kindOf: () => "x",
      send: async () => {
        throw new Error("ECONNRESET");
      },
      ...time,
    });
    expect(outcomes.map((o) => o.status)).toEqual([0, 0]);
  });
});

describe("summarizeOutcomes", () => {
  it("gives percentiles of the 2xx answers only, errors by status and the rate per kind", () => {
    const outcome = (kind: string, status: number, latencyMs: number): Outcome => ({
      kind,
      status,
      latencyMs,
      sendLagMs: 0,
    });
    const outcomes = [
      ...Array.from({ length: 20 }, (_, i) => outcome("read", 200, i + 1)),
      outcome("read", 500, 9_999),
      outcome("write", 201, 30),
      outcome("write", 0, 5),
    ];
    const [read, write] = summarizeOutcomes(outcomes, 2);
    expect(read).toMatchObject({ kind: "read", count: 20, p50: 10, p95: 19, p99: 20 });
    expect(read).toMatchObject({ errors: 1, statuses: { 500: 1 }, achievedRate: 10.5 });
    expect(write).toMatchObject({ count: 1, p95: 30, errors: 1, statuses: { 0: 1 } });
  });
});
