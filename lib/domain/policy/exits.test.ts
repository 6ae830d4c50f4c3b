import { describe, expect, it } from "vitest";
import { exitReviewScope, mayDecideExits, mayRecommendExit } from "./exits";

describe("exit policy", () => {
  it("lets the group's facilitators and managers recommend, never teachers or families", () => {
    expect(mayRecommendExit("run")).toBe(true);
    expect(mayRecommendExit("manage")).toBe(true);
    expect(mayRecommendExit("view")).toBe(false);
    expect(mayRecommendExit("family")).toBe(false);
  });

  it("lets only specialists and admins decide", () => {
    expect(mayDecideExits({ role: "specialist" })).toBe(true);
    expect(mayDecideExits({ role: "admin" })).toBe(true);
    expect(mayDecideExits({ role: "facilitator" })).toBe(false);
    expect(mayDecideExits({ role: "teacher" })).toBe(false);
  });

  it("scopes the list", () => {
    expect(exitReviewScope({ role: "specialist", staffId: null })).toBe("district");
    expect(exitReviewScope({ role: "facilitator", staffId: "s" })).toBe("own-groups");
    expect(exitReviewScope({ role: "parent", staffId: null })).toBe("none");
  });
});
