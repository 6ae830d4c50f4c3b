import { describe, expect, it } from "vitest";
import { hashRequest, stableStringify } from "./stable-hash";

describe("stableStringify", () => {
  it("ignores key order and undefined fields", () => {
    expect(stableStringify({ b: 1, a: [{ d: 2, c: undefined, e: "x" }] })).toBe(
      '{"a":[{"d":2,"e":"x"}],"b":1}',
    );
  });

  it("hashes equal requests alike and different ones apart", () => {
    expect(hashRequest({ a: 1, b: 2 })).toBe(hashRequest({ b: 2, a: 1 }));
    expect(hashRequest({ a: 1 })).not.toBe(hashRequest({ a: 2 }));
  });
});
