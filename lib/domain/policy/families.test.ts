import { describe, expect, it } from "vitest";
import type { Role } from "./actor";
import {
  type FamilyRecordTie,
  familyRecordReach,
  familyRequestQueue,
  mayAnswerFamilyRequest,
  mayAskFamilyRequest,
  readsFamilyRecord,
} from "./families";

const NONE: FamilyRecordTie = { guardianOfStudent: false, facilitatesStudent: false };
const GUARDIAN: FamilyRecordTie = { ...NONE, guardianOfStudent: true };
const FACILITATOR: FamilyRecordTie = { ...NONE, facilitatesStudent: true };
const as = (role: Role) => ({ role });

describe("the family's part of a child's record", () => {
  it("is read by the child's guardian and team, by no one else", () => {
    expect(readsFamilyRecord(as("parent"), GUARDIAN)).toBe(true);
    expect(readsFamilyRecord(as("parent"), NONE)).toBe(false);
    // A tie through a group says nothing to a family account.
    expect(readsFamilyRecord(as("parent"), FACILITATOR)).toBe(false);
    expect(readsFamilyRecord(as("specialist"), NONE)).toBe(true);
    expect(readsFamilyRecord(as("admin"), NONE)).toBe(true);
    expect(readsFamilyRecord(as("facilitator"), FACILITATOR)).toBe(true);
    expect(readsFamilyRecord(as("teacher"), FACILITATOR)).toBe(true);
    expect(readsFamilyRecord(as("facilitator"), NONE)).toBe(false);
    expect(readsFamilyRecord(as("teacher"), NONE)).toBe(false);
  });

  it("shows a guardian their own messages and requests, the team everyone's", () => {
    expect(familyRecordReach(as("parent"))).toBe("own");
    expect(familyRecordReach(as("facilitator"))).toBe("every-guardian");
    expect(familyRecordReach(as("admin"))).toBe("every-guardian");
  });
});

describe("family requests", () => {
  it("are asked by the child's guardian only", () => {
    expect(mayAskFamilyRequest(as("parent"), GUARDIAN)).toBe(true);
    expect(mayAskFamilyRequest(as("parent"), NONE)).toBe(false);
    expect(mayAskFamilyRequest(as("specialist"), NONE)).toBe(false);
    expect(mayAskFamilyRequest(as("facilitator"), FACILITATOR)).toBe(false);
  });

  it("are answered by the child's team, never by a family", () => {
    expect(mayAnswerFamilyRequest(as("specialist"), NONE)).toBe(true);
    expect(mayAnswerFamilyRequest(as("admin"), NONE)).toBe(true);
    expect(mayAnswerFamilyRequest(as("facilitator"), FACILITATOR)).toBe(true);
    expect(mayAnswerFamilyRequest(as("facilitator"), NONE)).toBe(false);
    expect(mayAnswerFamilyRequest(as("parent"), GUARDIAN)).toBe(false);
  });

  it("wait on the dashboard of the district's team or of the child's facilitators", () => {
    expect(familyRequestQueue({ role: "specialist", staffId: "s" })).toBe("district");
    expect(familyRequestQueue({ role: "admin", staffId: null })).toBe("district");
    expect(familyRequestQueue({ role: "facilitator", staffId: "s" })).toBe("own-groups");
    expect(familyRequestQueue({ role: "teacher", staffId: "s" })).toBe("own-groups");
    expect(familyRequestQueue({ role: "teacher", staffId: null })).toBe("none");
    expect(familyRequestQueue({ role: "parent", staffId: null })).toBe("none");
  });
});
