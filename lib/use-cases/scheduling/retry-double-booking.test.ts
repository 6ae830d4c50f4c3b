import { describe, expect, it } from "vitest";
import { retryIfDoubleBooked } from "./retry-double-booking";

/** An error as Drizzle wraps postgres.js's: the SQLSTATE is the cause's `code`. */
const refused = (code: string) => Object.assign(new Error("Failed query"), { cause: { code } });

function failingThen(errors: Error[], answer: string) {
  let calls = 0;
  const write = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return answer;
  };
  return { write, calls: () => calls };
}

describe("a scheduling write racing another for one booking", () => {
  it("runs again after a booking that committed first, and after losing a deadlock to it", async () => {
    const run = failingThen([refused("40P01"), refused("23P01")], "409 with the conflicts");
    await expect(retryIfDoubleBooked(run.write)).resolves.toBe("409 with the conflicts");
    expect(run.calls()).toBe(3);
  });

  it("gives up after three runs, and never runs again for another error", async () => {
    const racing = failingThen([refused("23P01"), refused("23P01"), refused("40P01")], "never");
    await expect(retryIfDoubleBooked(racing.write)).rejects.toThrow("Failed query");
    expect(racing.calls()).toBe(3);
    const other = failingThen([refused("23505")], "never");
    await expect(retryIfDoubleBooked(other.write)).rejects.toThrow("Failed query");
    expect(other.calls()).toBe(1);
  });
});
