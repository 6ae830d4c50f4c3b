import { describe, expect, it } from "vitest";
import { followUpFlags } from "./follow-up-flags";

describe("followUpFlags", () => {
  it("flags two absences in a row", () => {
    expect(followUpFlags({ ana: ["present", "absent", "absent"] })).toEqual([
      {
        studentId: "ana",
        reasons: ["consecutive"],
        longestAbsenceStreak: 2,
        currentAbsenceStreak: 2,
        totalAbsences: 2,
      },
    ]);
  });

  it("does not flag two absences apart", () => {
    expect(followUpFlags({ ana: ["absent", "present", "absent"] })).toEqual([]);
  });

  it("flags three absences in the intervention even when none are in a row", () => {
    const [flag] = followUpFlags({ ana: ["absent", "present", "absent", "tardy", "absent"] });
    expect(flag?.reasons).toEqual(["total"]);
    expect(flag?.totalAbsences).toBe(3);
    expect(flag?.longestAbsenceStreak).toBe(1);
  });

  it("gives both reasons when both thresholds are reached", () => {
    const [flag] = followUpFlags({ ana: ["absent", "absent", "present", "absent"] });
    expect(flag?.reasons).toEqual(["consecutive", "total"]);
    expect(flag?.currentAbsenceStreak).toBe(1);
  });

  it("lets an excused mark neither break nor extend a streak", () => {
    const [bridged] = followUpFlags({ ana: ["absent", "excused", "absent"] });
    expect(bridged?.longestAbsenceStreak).toBe(2);
    expect(followUpFlags({ ben: ["absent", "excused", "excused", "present"] })).toEqual([]);
  });

  it("does not count excused marks as absences", () => {
    expect(followUpFlags({ ana: ["excused", "excused", "excused", "absent"] })).toEqual([]);
  });

  it("lets a tardy arrival break a streak", () => {
    expect(followUpFlags({ ana: ["absent", "tardy", "absent"] })).toEqual([]);
  });

  it("keeps a streak that has ended, and reports the open streak as zero", () => {
    const [flag] = followUpFlags({ ana: ["absent", "absent", "present", "present"] });
    expect(flag?.longestAbsenceStreak).toBe(2);
    expect(flag?.currentAbsenceStreak).toBe(0);
  });

  it("uses the district's own thresholds", () => {
    const history = { ana: ["absent", "absent", "present", "absent"] as const };
    expect(followUpFlags(history, { consecutiveAbsences: 3, totalAbsences: 4 })).toEqual([]);
    expect(
      followUpFlags(history, { consecutiveAbsences: 3, totalAbsences: 3 })[0]?.reasons,
    ).toEqual(["total"]);
  });

  it("returns only the flagged students, in input order", () => {
    const flags = followUpFlags({
      ana: ["absent", "absent"],
      ben: ["present", "present"],
      cy: ["absent", "absent", "absent"],
    });
    expect(flags.map((flag) => flag.studentId)).toEqual(["ana", "cy"]);
  });
});
