import { describe, expect, it } from "vitest";
import type { Role } from "./actor";
import {
  canEditLetters,
  canExportStudentRecord,
  canManageAccounts,
  canManageApiTokens,
  canReadAuditTrail,
  canReadEventFeed,
  isLoggedReader,
  isTokenRole,
} from "./district-admin";

const ROLES: Role[] = ["specialist", "facilitator", "teacher", "parent", "admin"];

describe("the district's accountability data", () => {
  it.each([
    ["reading the audit trail", canReadAuditTrail],
    ["exporting a student's record", canExportStudentRecord],
    ["reading the events feed", canReadEventFeed],
    ["managing API tokens", canManageApiTokens],
    ["managing accounts", canManageAccounts],
    ["editing letters and their settings", canEditLetters],
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

describe("isTokenRole", () => {
  it("admits the roles that work district-wide without a staff or guardian record", () => {
    expect(ROLES.filter(isTokenRole)).toEqual(["specialist", "admin"]);
  });

  it("refuses anything else a stored row might hold", () => {
    expect(isTokenRole("")).toBe(false);
    expect(isTokenRole("Admin")).toBe(false);
  });
});
