import { describe, expect, it } from "vitest";
import { type CsvRow, readCsvRows } from "../imports/csv";
import { bellScheduleHeader, parseBellSchedule } from "./bell-schedule-csv";

async function* once(text: string) {
  yield new TextEncoder().encode(text);
}

async function read(text: string) {
  let header: string[] = [];
  const rows: CsvRow[] = [];
  for await (const row of readCsvRows(once(text), (columns) => {
    header = columns;
  }))
    rows.push(row);
  const found = bellScheduleHeader(header);
  return { ...found, ...parseBellSchedule(rows, found.columns) };
}

describe("bellScheduleHeader", () => {
  it("finds the columns in any order and spelling, dayType optional", () => {
    expect(bellScheduleHeader(["Period", "start_time", "END TIME", "school"])).toEqual({
      columns: { school: "school", period: "Period", startTime: "start_time", endTime: "END TIME" },
      missing: [],
    });
  });

  it("names the required columns a header lacks", () => {
    expect(bellScheduleHeader(["school", "period"]).missing).toEqual(["startTime", "endTime"]);
  });
});

describe("parseBellSchedule", () => {
  it("reads every-day and rotation-day periods, normalising 8:05 to 08:05", async () => {
    const parsed = await read(
      "school,dayType,period,startTime,endTime\nMGE,,1,8:05,08:55\nMGMS,A,2,09:00,09:50\n",
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        record: { school: "MGE", dayType: "", period: "1", startTime: "08:05", endTime: "08:55" },
      },
      {
        line: 3,
        record: { school: "MGMS", dayType: "A", period: "2", startTime: "09:00", endTime: "09:50" },
      },
    ]);
  });

  it("reports bad times, an end before the start, empty fields and short rows by line", async () => {
    const parsed = await read(
      [
        "school,period,startTime,endTime",
        "MGE,1,25:00,09:00",
        "MGE,2,10:00,09:00",
        ",3,10:00,10:40",
        "MGE,4,9.30,10:00",
        "MGE,5,10:00",
        "MGE,6,11:00,11:45",
      ].join("\n"),
    );
    expect(parsed.problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
    expect(parsed.problems[0]!.reason).toMatch(/startTime: Write the time as HH:MM/);
    expect(parsed.problems[1]!.reason).toBe("endTime must be after startTime.");
    expect(parsed.problems[2]!.reason).toBe("school is empty.");
    expect(parsed.problems[4]!.reason).toMatch(/4 fields; the header has 5|fields/);
    expect(parsed.rows.map((r) => r.line)).toEqual([7]);
  });

  it("refuses a period named twice for one school and day, and allows overlapping periods", async () => {
    const parsed = await read(
      [
        "school,dayType,period,startTime,endTime",
        "MGE,,1,08:00,08:50",
        "MGE,,1-2,08:00,09:40",
        "MGE,A,1,08:00,08:50",
        "mge,,1,08:10,09:00",
      ].join("\n"),
    );
    expect(parsed.problems).toEqual([
      { line: 5, reason: 'period "1" at mge appears again (first on line 2).' },
    ]);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });
});
