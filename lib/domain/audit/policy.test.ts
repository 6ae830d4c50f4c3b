import { describe, expect, it } from "vitest";
import type { Role } from "../policy/actor";
import {
  canExportStudentRecord,
  canManageAccounts,
  canManageApiTokens,
  canReadAuditTrail,
  canReadEventFeed,
  isLoggedReader,
} from "./policy";

const ROLES: Role[] = ["specialist", "facilitator", "teacher", "parent", "admin"];

describe("the district's accountability data", () => {
  it.each([
    ["reading the audit trail", canReadAuditTrail],
    ["exporting a student's record", canExportStudentRecord],
    ["reading the events feed", canReadEventFeed],
    ["managing API tokens", canManageApiTokens],
    ["managing accounts", canManageAccounts],
  ] as const)("%s is for district admins alone", (_, allowed) => {
    expect(ROLES.filter((role) => allowed({ role }))).toEqual(["admin"]);
  });
});

describe("isLoggedReader", () => {
  it("logs every staff role's reads and not a parent's", () => {
    expect(ROLES.filter((role) => isLoggedReader({ role }))).toEqual([
      "specialist",
      "facilitator",
      "teacher",
      "admin",
    ]);
  });
});
