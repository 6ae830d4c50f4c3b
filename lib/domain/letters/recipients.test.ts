import { describe, expect, it } from "vitest";
import { contactRestrictionSchema, withheldBecause } from "./recipients";

const open = { contactRestricted: false, optionalMailStopped: false };

describe("withheldBecause", () => {
  it("sends every letter to a guardian with no restriction and no stop", () => {
    expect(withheldBecause({ required: true }, open)).toBeNull();
    expect(withheldBecause({ required: false }, open)).toBeNull();
  });

  it("stops optional letters only once the guardian stopped optional mail", () => {
    const stopped = { ...open, optionalMailStopped: true };
    expect(withheldBecause({ required: false }, stopped)).toBe("optional-mail-stopped");
    expect(withheldBecause({ required: true }, stopped)).toBeNull();
  });

  it("withholds every letter, required or not, about a child the guardian may not be contacted about", () => {
    const restricted = { contactRestricted: true, optionalMailStopped: false };
    expect(withheldBecause({ required: true }, restricted)).toBe("contact-restricted");
    expect(withheldBecause({ required: false }, restricted)).toBe("contact-restricted");
    expect(withheldBecause({ required: false }, { ...restricted, optionalMailStopped: true })).toBe(
      "contact-restricted",
    );
  });
});

describe("contactRestrictionSchema", () => {
  const ids = {
    studentId: "11111111-1111-4111-8111-111111111111",
    guardianId: "22222222-2222-4222-8222-222222222222",
  };

  it("asks for a reason of a few words, trimmed", () => {
    expect(contactRestrictionSchema.parse({ ...ids, reason: "  Court order 2026-114  " })).toEqual({
      ...ids,
      reason: "Court order 2026-114",
    });
    expect(contactRestrictionSchema.safeParse({ ...ids, reason: " a " }).success).toBe(false);
    expect(contactRestrictionSchema.safeParse({ ...ids, reason: "x".repeat(501) }).success).toBe(
      false,
    );
  });

  it("refuses what cannot be an id", () => {
    expect(
      contactRestrictionSchema.safeParse({ ...ids, guardianId: "1", reason: "Court order" })
        .success,
    ).toBe(false);
  });
});
