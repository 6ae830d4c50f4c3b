import { describe, expect, it } from "vitest";
import { csvLine, toCsv } from "./csv-export";

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks, and leaves empty cells empty", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x, y", 'say "hi"'],
          ["line\nbreak", null],
        ],
      ),
    ).toBe('a,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",\r\n');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(toCsv(["a"], [["=HYPERLINK(1)"], ["-2+3"], ["@SUM(A1)"]])).toBe(
      "a\r\n'=HYPERLINK(1)\r\n'-2+3\r\n'@SUM(A1)\r\n",
    );
  });

  it("writes numbers as they are", () => {
    expect(toCsv(["n"], [[-2], [3.5]])).toBe("n\r\n-2\r\n3.5\r\n");
  });
});

describe("csvLine", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvLine(["plain", 'a "b"', "x,y", 12, null, "=cmd()"])).toBe(
      'plain,"a ""b""","x,y",12,,\'=cmd()\r\n',
    );
  });
});
