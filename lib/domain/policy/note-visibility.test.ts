import { describe, expect, it } from "vitest";
import type { Role } from "./actor";
import {
  mayReadNote,
  mayReadScores,
  type NoteAudience,
  type NoteRelation,
  readableVisibilities,
  readerAudience,
} from "./note-visibility";

const NONE: NoteRelation = {
  facilitatesIntervention: false,
  teachesStudent: false,
  guardianOfStudent: false,
};
const VISIBILITIES: NoteAudience[] = ["team", "teachers", "family"];
const ROLES: Role[] = ["specialist", "facilitator", "teacher", "parent", "admin"];

const readable = (role: Role, relation: Partial<NoteRelation>) =>
  VISIBILITIES.filter((v) => mayReadNote({ role }, { ...NONE, ...relation }, v));

describe("who reads a progress note", () => {
  it("lets the district's managers read every note, connected or not", () => {
    expect(readable("specialist", {})).toEqual(VISIBILITIES);
    expect(readable("admin", {})).toEqual(VISIBILITIES);
  });

  it("lets the intervention's facilitator read every note of it", () => {
    expect(readable("facilitator", { facilitatesIntervention: true })).toEqual(VISIBILITIES);
    expect(readable("teacher", { facilitatesIntervention: true })).toEqual(VISIBILITIES);
  });

  it("lets the student's teacher read notes shared with teachers or the family, never team notes", () => {
    expect(readable("teacher", { teachesStudent: true })).toEqual(["teachers", "family"]);
    expect(readable("facilitator", { teachesStudent: true })).toEqual(["teachers", "family"]);
  });

  it("lets a guardian read only notes shared with the family", () => {
    expect(readable("parent", { guardianOfStudent: true })).toEqual(["family"]);
  });

  it("gives a parent nothing through staff-like relations", () => {
    expect(readable("parent", { facilitatesIntervention: true, teachesStudent: true })).toEqual([]);
  });

  it("gives staff nothing through being a guardian", () => {
    expect(readable("teacher", { guardianOfStudent: true })).toEqual([]);
    expect(readable("facilitator", { guardianOfStudent: true })).toEqual([]);
  });

  it("gives no one but the managers anything without a connection", () => {
    expect(ROLES.filter((role) => readable(role, {}).length > 0)).toEqual(["specialist", "admin"]);
  });

  it("never lets a team note out of the team, whatever the relation", () => {
    for (const role of ROLES) {
      for (const teachesStudent of [false, true]) {
        for (const guardianOfStudent of [false, true]) {
          const reads = mayReadNote(
            { role },
            { facilitatesIntervention: false, teachesStudent, guardianOfStudent },
            "team",
          );
          expect(reads).toBe(role === "specialist" || role === "admin");
        }
      }
    }
  });
});

describe("readerAudience and readableVisibilities", () => {
  it("nests the audiences", () => {
    expect(readableVisibilities("team")).toEqual(VISIBILITIES);
    expect(readableVisibilities("teachers")).toEqual(["teachers", "family"]);
    expect(readableVisibilities("family")).toEqual(["family"]);
    expect(readableVisibilities(null)).toEqual([]);
  });

  it("prefers the widest connection", () => {
    expect(
      readerAudience(
        { role: "teacher" },
        { ...NONE, facilitatesIntervention: true, teachesStudent: true },
      ),
    ).toBe("team");
  });
});

describe("mayReadScores", () => {
  it("shows probe scores to staff connected to the student, not to families", () => {
    expect(mayReadScores({ role: "specialist" }, NONE)).toBe(true);
    expect(mayReadScores({ role: "facilitator" }, { ...NONE, facilitatesIntervention: true })).toBe(
      true,
    );
    expect(mayReadScores({ role: "teacher" }, { ...NONE, teachesStudent: true })).toBe(true);
    expect(mayReadScores({ role: "parent" }, { ...NONE, guardianOfStudent: true })).toBe(false);
    expect(mayReadScores({ role: "teacher" }, NONE)).toBe(false);
  });
});
