import { describe, expect, it } from "vitest";
import { progressText } from "./progress-text";

const reports = [
  { file: "orgs.csv", rows: 20 },
  { file: "users.csv", rows: 1000 },
  { file: "users.csv", rows: 2000 },
  { file: "users.csv", rows: 3000 },
  { file: "users.csv", rows: 3000 },
  { file: "enrollments.csv", rows: 1000 },
  { file: "enrollments.csv", rows: 1250 },
];

function run(terminal: boolean, every?: number) {
  const progress = progressText({ terminal, every });
  return reports.map((r) => progress.update(r)).join("") + progress.end();
}

describe("progressText", () => {
  it("writes whole lines when the output is not a terminal: every so many rows and each file's total", () => {
    expect(run(false, 2000)).toBe(
      [
        "orgs.csv: 20 rows",
        "users.csv: 2,000 rows",
        "users.csv: 3,000 rows",
        "enrollments.csv: 1,250 rows",
        "",
      ].join("\n"),
    );
  });

  it("never writes a carriage return when the output is not a terminal", () => {
    const text = run(false, 1000);
    expect(text).not.toContain("\r");
    expect(text.split("\n")).toEqual([
      "orgs.csv: 20 rows",
      "users.csv: 1,000 rows",
      "users.csv: 2,000 rows",
      "users.csv: 3,000 rows",
      "enrollments.csv: 1,000 rows",
      "enrollments.csv: 1,250 rows",
      "",
    ]);
  });

  it("rewrites one line per file in place on a terminal, and ends it before the summary", () => {
    expect(run(true)).toBe(
      "\rorgs.csv: 20 rows\n" +
        "\rusers.csv: 1,000 rows\rusers.csv: 2,000 rows\rusers.csv: 3,000 rows\rusers.csv: 3,000 rows\n" +
        "\renrollments.csv: 1,000 rows\renrollments.csv: 1,250 rows\n",
    );
  });

  it("writes nothing at the end when nothing was reported", () => {
    expect(progressText({ terminal: false }).end()).toBe("");
    expect(progressText({ terminal: true }).end()).toBe("");
  });
});
