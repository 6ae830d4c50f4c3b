import { describe, expect, it } from "vitest";
import { difference } from "./backup-catalog";
import { majorOf } from "./backup-tools";

describe("majorOf", () => {
  it("reads the major version pg_dump reports", () => {
    expect(majorOf("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n")).toBe(15);
    expect(majorOf("pg_dump (PostgreSQL) 18.0\n")).toBe(18);
    expect(majorOf("bash: pg_dump: not found")).toBeNull();
  });
});

describe("difference", () => {
  it("names the lines lost and the lines gained, both ways", () => {
    expect(difference(["a", "b", "c"], ["b", "c", "d"])).toEqual({ missing: ["a"], extra: ["d"] });
    expect(difference(["a"], ["a"])).toEqual({ missing: [], extra: [] });
  });
});
