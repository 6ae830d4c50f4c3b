import { describe, expect, it } from "vitest";
import { isUuid } from "./ids";
import { z } from "./zod";

const SAMPLES: unknown[] = [
  "0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11",
  "0B7C4A4E-3C55-4D5E-9A1A-8D0F5F3E2A11",
  "11111111-1111-4111-8111-111111111111",
  "017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "12345678-1234-1234-1234-123456789012",
  "12345678-1234-0234-8234-123456789012",
  "------------------------------------",
  "0b7c4a4e3c554d5e9a1a8d0f5f3e2a11",
  "0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a1",
  "0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a111",
  "0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a1g",
  " 0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11",
  "{0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11}",
  "",
  undefined,
  null,
  42,
  ["0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11"],
];

describe("isUuid", () => {
  it("accepts the ids PostgreSQL hands out, in either case", () => {
    expect(isUuid("0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11")).toBe(true);
    expect(isUuid("0B7C4A4E-3C55-4D5E-9A1A-8D0F5F3E2A11")).toBe(true);
    expect(isUuid("00000000-0000-0000-0000-000000000000")).toBe(true);
  });

  it("refuses what only looks like an id, and what is not a string", () => {
    expect(isUuid("------------------------------------")).toBe(false);
    expect(isUuid("0b7c4a4e3c554d5e9a1a8d0f5f3e2a11")).toBe(false);
    expect(isUuid("12345678-1234-1234-1234-123456789012")).toBe(false);
    expect(isUuid("")).toBe(false);
    expect(isUuid(undefined)).toBe(false);
    expect(isUuid(42)).toBe(false);
  });

  it("agrees with z.uuid() on every sample", () => {
    const schema = z.uuid();
    for (const sample of SAMPLES) {
      expect(isUuid(sample), String(sample)).toBe(schema.safeParse(sample).success);
    }
  });
});
