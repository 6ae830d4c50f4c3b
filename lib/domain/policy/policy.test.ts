import { describe, expect, it } from "vitest";
import type { Role } from "./actor";
import {
  canCreateIntervention,
  canManageIntervention,
  canSearchPeople,
  type InterventionAccess,
  type InterventionRelation,
  interventionAccess,
  isManager,
  isStaff,
  mayRunSessions,
  seesAllStudents,
} from "./policy";

const ROLES: Role[] = ["specialist", "facilitator", "teacher", "parent", "admin"];

/** Every combination of the three relations an actor can have to one intervention. */
const RELATIONS: InterventionRelation[] = [false, true].flatMap((facilitates) =>
  [false, true].flatMap((teachesEnrolledStudent) =>
    [false, true].map((guardianOfEnrolledStudent) => ({
      facilitates,
      teachesEnrolledStudent,
      guardianOfEnrolledStudent,
    })),
  ),
);

const NONE: InterventionRelation = {
  facilitates: false,
  teachesEnrolledStudent: false,
  guardianOfEnrolledStudent: false,
};
const ALL: InterventionRelation = {
  facilitates: true,
  teachesEnrolledStudent: true,
  guardianOfEnrolledStudent: true,
};

/** Higher = more. "family" and "view" are both read-only, for different audiences. */
const RANK: Record<InterventionAccess, number> = { none: 0, family: 1, view: 1, run: 2, manage: 3 };

const access = (role: Role, relation: Partial<InterventionRelation> = {}) =>
  interventionAccess({ role }, { ...NONE, ...relation });

describe("who may create and manage interventions", () => {
  it.each([
    ["specialist", true],
    ["admin", true],
    ["facilitator", false],
    ["teacher", false],
    ["parent", false],
  ] as const)("%s: create and manage = %s", (role, allowed) => {
    expect(canCreateIntervention({ role })).toBe(allowed);
    expect(canManageIntervention({ role })).toBe(allowed);
  });
});

describe("the district's managers", () => {
  it("are the specialists and the admins", () => {
    expect(ROLES.filter((role) => isManager({ role }))).toEqual(["specialist", "admin"]);
  });
});

describe("mayRunSessions", () => {
  it("lets those who run or manage the group record and change its sessions", () => {
    const accesses: InterventionAccess[] = ["none", "family", "view", "run", "manage"];
    expect(accesses.filter(mayRunSessions)).toEqual(["run", "manage"]);
  });
});

describe("staff-only capabilities", () => {
  it("treats every role but parent as staff", () => {
    expect(ROLES.filter((role) => isStaff({ role }))).toEqual([
      "specialist",
      "facilitator",
      "teacher",
      "admin",
    ]);
  });

  it("lets staff search people and never a parent", () => {
    for (const role of ROLES) expect(canSearchPeople({ role })).toBe(role !== "parent");
  });

  it("shows the whole district's students only to specialists and admins", () => {
    expect(ROLES.filter((role) => seesAllStudents({ role }))).toEqual(["specialist", "admin"]);
  });
});

describe("interventionAccess", () => {
  describe("specialist and admin", () => {
    it.each(["specialist", "admin"] as const)(
      "%s manages every intervention of the district, related or not",
      (role) => {
        for (const relation of RELATIONS)
          expect(interventionAccess({ role }, relation)).toBe("manage");
      },
    );
  });

  describe("facilitator", () => {
    it("runs a group they facilitate", () => {
      expect(access("facilitator", { facilitates: true })).toBe("run");
    });

    it("runs (not merely views) a group they facilitate that also has their own students", () => {
      expect(access("facilitator", { facilitates: true, teachesEnrolledStudent: true })).toBe(
        "run",
      );
    });

    it("views a group with a student of their roster that they do not facilitate", () => {
      expect(access("facilitator", { teachesEnrolledStudent: true })).toBe("view");
    });

    it("sees nothing of a group they have no connection to", () => {
      expect(access("facilitator")).toBe("none");
    });

    it("gains nothing from being someone's guardian", () => {
      expect(access("facilitator", { guardianOfEnrolledStudent: true })).toBe("none");
    });

    it("never manages", () => {
      for (const relation of RELATIONS) {
        expect(interventionAccess({ role: "facilitator" }, relation)).not.toBe("manage");
      }
    });
  });

  describe("teacher", () => {
    it("views a group in which a student of their roster is enrolled", () => {
      expect(access("teacher", { teachesEnrolledStudent: true })).toBe("view");
    });

    it("gets none when no student of theirs is enrolled", () => {
      expect(access("teacher")).toBe("none");
      expect(access("teacher", { guardianOfEnrolledStudent: true })).toBe("none");
    });

    it("runs a group they have been assigned to facilitate", () => {
      expect(access("teacher", { facilitates: true })).toBe("run");
    });

    it("never manages", () => {
      for (const relation of RELATIONS) {
        expect(interventionAccess({ role: "teacher" }, relation)).not.toBe("manage");
      }
    });
  });

  describe("parent", () => {
    it("sees a group their child is in, as family", () => {
      expect(access("parent", { guardianOfEnrolledStudent: true })).toBe("family");
    });

    it("sees nothing of a group without their child", () => {
      expect(access("parent")).toBe("none");
    });

    it("never gets more than family, whatever the data layer reports", () => {
      expect(interventionAccess({ role: "parent" }, ALL)).toBe("family");
      for (const relation of RELATIONS) {
        const result = interventionAccess({ role: "parent" }, relation);
        expect(["family", "none"]).toContain(result);
        expect(result).toBe(relation.guardianOfEnrolledStudent ? "family" : "none");
      }
    });

    it("is not given staff access by a staff-like relation", () => {
      expect(access("parent", { facilitates: true })).toBe("none");
      expect(access("parent", { teachesEnrolledStudent: true })).toBe("none");
    });
  });

  it("gives no role access to an unrelated intervention except the district's managers", () => {
    const withAccess = ROLES.filter((role) => interventionAccess({ role }, NONE) !== "none");
    expect(withAccess).toEqual(["specialist", "admin"]);
  });

  it("never lowers access when a relation is added (monotone)", () => {
    for (const role of ROLES) {
      for (const relation of RELATIONS) {
        for (const key of Object.keys(relation) as (keyof InterventionRelation)[]) {
          if (relation[key]) continue;
          const more = { ...relation, [key]: true };
          expect(RANK[interventionAccess({ role }, more)]).toBeGreaterThanOrEqual(
            RANK[interventionAccess({ role }, relation)],
          );
        }
      }
    }
  });
});
