import { describe, expect, it } from "vitest";
import {
  directoryRefusal,
  entryCountRefusal,
  formatBytes,
  inflationRefusal,
  RATIO_FLOOR_BYTES,
  ZIP_LIMITS,
  type ZipLimits,
} from "./zip-limits";

const MiB = 1024 * 1024;
const small: ZipLimits = {
  maxEntries: 3,
  maxEntryBytes: 10 * MiB,
  maxTotalBytes: 15 * MiB,
  maxRatio: 100,
};

describe("zip limits", () => {
  it("are generous for a roster and tight for a bomb", () => {
    expect(ZIP_LIMITS).toEqual({
      maxEntries: 1000,
      maxEntryBytes: 1024 * MiB,
      maxTotalBytes: 2048 * MiB,
      maxRatio: 100,
    });
  });

  it("refuse more entries than the cap", () => {
    expect(entryCountRefusal(3, small)).toBeNull();
    expect(entryCountRefusal(4, small)).toBe(
      "The zip holds 4 entries; a roster export holds a few dozen, and at most 3 are accepted.",
    );
    expect(entryCountRefusal(65_535)).toMatch(/holds 65,535 entries.*at most 1,000/);
  });

  it("refuse a directory whose sizes are over a cap, naming the file", () => {
    const file = (
      name: string,
      uncompressedSize: number,
      compressedSize = uncompressedSize / 5,
    ) => ({
      name,
      uncompressedSize,
      compressedSize,
    });
    expect(directoryRefusal([file("users.csv", 9 * MiB), file("orgs.csv", 10)], small)).toBeNull();
    expect(directoryRefusal([file("users.csv", 11 * MiB)], small)).toBe(
      "users.csv unpacks to more than 10 MB, the most one file of a roster may hold.",
    );
    expect(directoryRefusal([file("a.csv", 8 * MiB), file("b.csv", 8 * MiB)], small)).toBe(
      "The zip unpacks to more than 15 MB in all, the most a roster may hold.",
    );
    expect(directoryRefusal([file("bomb.csv", 5 * MiB, 5 * 1024)], small)).toMatch(
      /^bomb\.csv unpacks to more than 100 times its compressed size \(5 KB\).*zip bomb/,
    );
    expect(
      directoryRefusal([file("a", 1), file("b", 1), file("c", 1), file("d", 1)], small),
    ).toMatch(/holds 4 entries/);
  });

  it("judge the ratio only past a floor, so a tiny file of repeated text passes", () => {
    expect(
      directoryRefusal([{ name: "manifest.csv", uncompressedSize: 50_000, compressedSize: 10 }]),
    ).toBeNull();
    expect(
      directoryRefusal([
        { name: "x.csv", uncompressedSize: RATIO_FLOOR_BYTES + 1, compressedSize: 10 },
      ]),
    ).toMatch(/zip bomb/);
  });

  it("judge the bytes counted while inflating, whatever the directory said", () => {
    const progress = {
      name: "users.csv",
      compressedSize: 100 * 1024,
      entryBytes: 0,
      totalBytes: 0,
    };
    expect(
      inflationRefusal({ ...progress, entryBytes: 9 * MiB, totalBytes: 9 * MiB }, small),
    ).toBeNull();
    expect(
      inflationRefusal({ ...progress, entryBytes: 10 * MiB + 1, totalBytes: 0 }, small),
    ).toMatch(/^users\.csv unpacks to more than 10 MB/);
    expect(
      inflationRefusal({ ...progress, entryBytes: 1, totalBytes: 15 * MiB + 1 }, small),
    ).toMatch(/in all/);
    expect(
      inflationRefusal({
        ...progress,
        compressedSize: 1024,
        entryBytes: 2 * MiB,
        totalBytes: 2 * MiB,
      }),
    ).toMatch(/zip bomb/);
  });

  it("write sizes as people read them", () => {
    expect([
      formatBytes(512),
      formatBytes(1536),
      formatBytes(10 * MiB),
      formatBytes(2048 * MiB),
    ]).toEqual(["512 bytes", "1.5 KB", "10 MB", "2 GB"]);
  });
});
