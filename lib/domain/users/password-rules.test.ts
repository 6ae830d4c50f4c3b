import { describe, expect, it } from "vitest";
import { choosePasswordSchema, passwordLinkLifetimeSeconds } from "./password-rules";

const token = "payload.signature";

describe("choosePasswordSchema", () => {
  it("accepts a long enough password typed the same twice", () => {
    expect(
      choosePasswordSchema.safeParse({
        token,
        password: "maple leaves fall",
        confirm: "maple leaves fall",
      }).success,
    ).toBe(true);
  });

  it("explains a short password and a repeat that differs", () => {
    const short = choosePasswordSchema.safeParse({ token, password: "short", confirm: "short" });
    expect(short.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["password", "At least 12 characters."],
    ]);
    const differs = choosePasswordSchema.safeParse({
      token,
      password: "maple leaves fall",
      confirm: "maple leaves fell",
    });
    expect(differs.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["confirm", "The two passwords are not the same."],
    ]);
  });
});

describe("passwordLinkLifetimeSeconds", () => {
  it("gives a new account's first link a week and a reset link an hour", () => {
    expect(passwordLinkLifetimeSeconds("new-account")).toBe(7 * 86_400);
    expect(passwordLinkLifetimeSeconds("reset")).toBe(3600);
  });
});
