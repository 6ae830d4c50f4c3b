import { describe, expect, it } from "vitest";
import { districtMismatch, districtsNamedBy } from "./district-claims";

const OURS = "6f1c2a2e-0d4b-4a53-9d7e-1b1c1d1e1f10";
const THEIRS = "0b9e6c4a-5d3f-4e21-8a7b-2c3d4e5f6a7b";

describe("districtsNamedBy", () => {
  it("finds the district in an extension attribute, the source or the data", () => {
    expect(districtsNamedBy({ districtid: OURS })).toEqual([OURS]);
    expect(districtsNamedBy({ tenantid: OURS.toUpperCase() })).toEqual([OURS]);
    expect(districtsNamedBy({ source: `/sis/districts/${OURS}/roster` })).toEqual([OURS]);
    expect(districtsNamedBy({ data: { districtId: OURS } })).toEqual([OURS]);
    expect(districtsNamedBy({ data: { tenantId: OURS } })).toEqual([OURS]);
    expect(districtsNamedBy({ districtid: OURS, data: { tenantId: THEIRS } })).toEqual([
      OURS,
      THEIRS,
    ]);
  });

  it("finds none in an event that does not say", () => {
    expect(districtsNamedBy({ source: "/district/sis", data: { sourceId: "s-1" } })).toEqual([]);
    expect(districtsNamedBy(null)).toEqual([]);
    expect(districtsNamedBy("text")).toEqual([]);
  });
});

describe("districtMismatch", () => {
  it("lets through an event about the subject's district, or one that names none", () => {
    expect(districtMismatch({ districtid: OURS.toUpperCase() }, OURS)).toBeNull();
    expect(districtMismatch({ source: "/district/sis" }, OURS)).toBeNull();
  });

  it("refuses an event that names another district anywhere", () => {
    expect(districtMismatch({ districtid: OURS, data: { districtId: THEIRS } }, OURS)).toMatch(
      `names district ${THEIRS} but arrived on a subject of district ${OURS}`,
    );
    expect(
      districtMismatch({ source: `/northstar/interventions/districts/${THEIRS}` }, OURS),
    ).not.toBeNull();
  });
});
