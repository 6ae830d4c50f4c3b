import { describe, expect, it } from "vitest";
import { studentsNamedIn } from "./students-named";

describe("studentsNamedIn", () => {
  it("finds the students of any event's payload, once each", () => {
    const events = [
      { interventionId: "g", studentIds: ["a", "b"] },
      { studentId: "c", fromTier: 1 },
      { sessionId: "s", records: [{ studentId: "a", status: "present" }, { studentId: "d" }] },
      { name: "no student" },
    ];
    const found = new Set<string>();
    for (const data of events) studentsNamedIn(data, found);
    expect([...found].sort()).toEqual(["a", "b", "c", "d"]);
  });
});
