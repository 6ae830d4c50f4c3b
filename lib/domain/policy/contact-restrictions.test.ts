import { describe, expect, it } from "vitest";
import { ROLES } from "./actor";
import { canManageContactRestrictions } from "./contact-restrictions";

describe("contact restrictions", () => {
  it("are recorded and lifted by district admins alone", () => {
    expect(ROLES.filter((role) => canManageContactRestrictions({ role }))).toEqual(["admin"]);
  });
});
