import { describe, expect, it } from "vitest";
import { accessChangeRefusal, rolesFor, userAccessSchema } from "./access";

const admin = { userId: "admin-1" };
const teacher = {
  userId: "teacher-1",
  role: "teacher" as const,
  staffId: "staff-1",
  guardianId: null,
};
const parent = {
  userId: "parent-1",
  role: "parent" as const,
  staffId: null,
  guardianId: "guardian-1",
};
const self = { userId: "admin-1", role: "admin" as const, staffId: "staff-2", guardianId: null };

describe("accessChangeRefusal", () => {
  it("lets an admin move a staff account between staff roles and switch it off and on", () => {
    expect(accessChangeRefusal(admin, teacher, { role: "specialist", active: true })).toBeNull();
    expect(accessChangeRefusal(admin, teacher, { role: "facilitator", active: false })).toBeNull();
    expect(accessChangeRefusal(admin, teacher, { role: "admin", active: true })).toBeNull();
    expect(accessChangeRefusal(admin, parent, { role: "parent", active: false })).toBeNull();
  });

  it("keeps each role on the record it works through", () => {
    expect(accessChangeRefusal(admin, parent, { role: "teacher", active: true })).toEqual({
      path: "role",
      message: "A family account cannot take a staff role.",
    });
    expect(accessChangeRefusal(admin, teacher, { role: "parent", active: true })).toEqual({
      path: "role",
      message: "A staff account cannot become a parent account.",
    });
  });

  it("does not let an admin lock themselves out", () => {
    expect(accessChangeRefusal(admin, self, { role: "specialist", active: true })?.path).toBe(
      "role",
    );
    expect(accessChangeRefusal(admin, self, { role: "admin", active: false })).toEqual({
      path: "active",
      message: "You cannot deactivate your own account.",
    });
    expect(accessChangeRefusal(admin, self, { role: "admin", active: true })).toBeNull();
  });
});

describe("rolesFor", () => {
  it("offers staff roles to staff accounts and the parent role to family accounts", () => {
    expect(rolesFor(teacher)).toEqual(["specialist", "facilitator", "teacher", "admin"]);
    expect(rolesFor(parent)).toEqual(["parent"]);
  });
});

describe("userAccessSchema", () => {
  it("reads the form's active checkbox and refuses an unknown role", () => {
    const id = "0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11";
    expect(userAccessSchema.parse({ userId: id, role: "teacher", active: "false" }).active).toBe(
      false,
    );
    expect(userAccessSchema.parse({ userId: id, role: "teacher", active: true }).active).toBe(true);
    expect(
      userAccessSchema.safeParse({ userId: id, role: "principal", active: true }).error?.issues[0]
        ?.message,
    ).toBe("Choose a role.");
  });
});
