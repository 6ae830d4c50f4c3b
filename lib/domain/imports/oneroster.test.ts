import { describe, expect, it } from "vitest";
import { parseResultDate, resultColumns } from "./assessment-results";
import { parseManifest } from "./oneroster/bundle";
import { sourcedIdList } from "./oneroster/rows";
import { normalizeLanguage, parseGrade } from "./oneroster/users";

describe("OneRoster values", () => {
  it("reads CEDS grades", () => {
    expect(["KG", "K", "01", "3", "12", "PK", "13", "", "03,04"].map(parseGrade)).toEqual([
      0,
      0,
      1,
      3,
      12,
      null,
      null,
      null,
      null,
    ]);
  });

  it("understands languages as codes or names", () => {
    expect(
      ["es", "es-MX", "Spanish", "Español", "en", "EN_us", "vi", "", "klingon!"].map(
        normalizeLanguage,
      ),
    ).toEqual(["es", "es", "es", "es", "en", "en", "vi", null, null]);
  });

  it("splits sourcedId lists", () => {
    expect(sourcedIdList(" a, b ,,c ")).toEqual(["a", "b", "c"]);
  });

  it("requires OneRoster 1.1 in the manifest and reads file modes", () => {
    expect(parseManifest(new Map())).toMatch(/does not name an oneroster.version/);
    expect(parseManifest(new Map([["oneroster.version", "1.2"]]))).toMatch(/OneRoster 1.2/);
    expect(
      parseManifest(
        new Map([
          ["oneroster.version", "1.1"],
          ["file.users", "delta"],
          ["file.orgs", "absent"],
          ["file.lineItems", "bulk"],
        ]),
      ),
    ).toEqual({ version: "1.1", modes: { "users.csv": "delta", "orgs.csv": "absent" } });
  });
});

describe("results files", () => {
  it("matches column names loosely and names what is missing", () => {
    expect(
      resultColumns(["Student ID", "Test Name", "Season", "Test Date", "Scaled Score"]),
    ).toEqual({
      columns: {
        student: "Student ID",
        assessment: "Test Name",
        window: "Season",
        date: "Test Date",
        score: "Scaled Score",
      },
      missing: [],
    });
    expect(resultColumns(["id", "score"]).missing).toEqual([
      "student",
      "assessment",
      "window",
      "date",
    ]);
  });

  it("reads ISO and US dates, and refuses impossible ones", () => {
    expect(
      ["2027-01-12", "1/12/2027", "12/31/2026", "2/30/2027", "2027-13-01"].map(parseResultDate),
    ).toEqual(["2027-01-12", "2027-01-12", "2026-12-31", null, null]);
  });
});
