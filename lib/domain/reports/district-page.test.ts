import { describe, expect, it } from "vitest";
import { DISTRICT_PAGE_SIZE, districtPage } from "./district-page";

describe("districtPage", () => {
  it("shows a hundred groups a page, the last page what is left", () => {
    expect(DISTRICT_PAGE_SIZE).toBe(100);
    expect(districtPage(undefined, 250)).toEqual({ page: 1, pages: 3, from: 0, to: 100 });
    expect(districtPage("3", 250)).toEqual({ page: 3, pages: 3, from: 200, to: 250 });
  });

  it("keeps an address's page within the pages there are", () => {
    expect(districtPage("9", 250).page).toBe(3);
    expect(districtPage("0", 250).page).toBe(1);
    expect(districtPage("-2", 250).page).toBe(1);
    expect(districtPage("two", 250).page).toBe(1);
  });

  it("has one empty page when no group matches", () => {
    expect(districtPage("4", 0)).toEqual({ page: 1, pages: 1, from: 0, to: 0 });
  });
});
