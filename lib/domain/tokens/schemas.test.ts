import { describe, expect, it } from "vitest";
import { fieldErrorsFromZod } from "../errors/from-zod";
import { createApiTokenSchema } from "./schemas";

const fieldErrors = (raw: unknown) => {
  const result = createApiTokenSchema.safeParse(raw);
  return result.success ? [] : fieldErrorsFromZod(result.error);
};

describe("createApiTokenSchema's lifetime", () => {
  it("gives a token 90 days unless told, and reads the form's text", () => {
    expect(createApiTokenSchema.parse({ name: "Sync", role: "admin" }).expiresInDays).toBe(90);
    const parsed = createApiTokenSchema.parse({ name: "Sync", role: "admin", expiresInDays: "7" });
    expect(parsed.expiresInDays).toBe(7);
    expect(
      createApiTokenSchema.parse({ name: "Sync", role: "admin", expiresInDays: 365 }).expiresInDays,
    ).toBe(365);
  });

  it.each([0, "0", 400, "400", -5, 2.5, "soon"])(
    "refuses %s days with an error on the field",
    (days) => {
      const errors = fieldErrors({ name: "Sync", role: "admin", expiresInDays: days });
      expect(errors).toHaveLength(1);
      expect(errors[0]?.path).toBe("expiresInDays");
      expect(errors[0]?.message).toMatch(/1 to 365/);
    },
  );
});
