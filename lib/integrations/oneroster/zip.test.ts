import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UnprocessableError } from "@/lib/domain/errors";
import { readCsv } from "@/lib/domain/imports/csv";
import { ZIP_LIMITS, type ZipLimits } from "@/lib/domain/imports/zip-limits";
import { writeZip } from "@/test/fixtures/oneroster/write-zip";
import { openBundle } from "./bundle";
import { openZip, ZipRefusedError } from "./zip";

const MiB = 1024 * 1024;
let scratch: string;
let counter = 0;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "zip-test-"));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function zipOf(entries: Parameters<typeof writeZip>[1]): Promise<string> {
  counter += 1;
  const file = path.join(scratch, `test-${counter}.zip`);
  await writeZip(file, entries);
  return file;
}

/** Reads the whole file, returning the bytes read before a refusal as well as the refusal. */
async function readAll(chunks: AsyncIterable<Uint8Array>) {
  let bytes = 0;
  const parts: Uint8Array[] = [];
  try {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      if (bytes < MiB) parts.push(chunk);
    }
    return { bytes, text: Buffer.concat(parts).toString("utf8"), error: null };
  } catch (error) {
    return { bytes, text: "", error: error as Error };
  }
}

const text = (s: string) => Buffer.from(s, "utf8");
/** Ten megabytes of zeros deflate to about ten kilobytes: a ratio near 1,000. */
const zeros = Buffer.alloc(10 * MiB);

describe("openZip", () => {
  it("streams deflated and stored files, checks their CRC, and lists files without folders", async () => {
    const zip = await openZip(
      await zipOf([
        { name: "export/", data: Buffer.alloc(0), store: true },
        { name: "export/users.csv", data: text("sourcedId,role\r\nu-1,student\r\n") },
        {
          name: "export/orgs.csv",
          data: text("sourcedId,name\nsch-1,Ñúñez Elementary\n"),
          store: true,
        },
      ]),
    );
    try {
      expect(zip.files).toEqual(["export/users.csv", "export/orgs.csv"]);
      expect((await readAll(zip.open("export/users.csv"))).text).toBe(
        "sourcedId,role\r\nu-1,student\r\n",
      );
      expect((await readAll(zip.open("export/orgs.csv"))).text).toContain("Ñúñez");
    } finally {
      zip.close();
    }
  });

  it("refuses a file that is not a zip", async () => {
    const file = path.join(scratch, "roster.zip");
    await writeFile(file, "sourcedId,name\n1,Ana\n");
    await expect(openZip(file)).rejects.toThrow(/^The file is not a zip archive/);
  });

  it("refuses a zip with more entries than the cap before reading them", async () => {
    const many = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({
      name: `export/file-${i}.csv`,
      data: text("a\n"),
      store: true,
    }));
    const error = await openZip(await zipOf(many)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZipRefusedError);
    expect((error as Error).message).toBe(
      "The zip holds 1,001 entries; a roster export holds a few dozen, and at most 1,000 are accepted.",
    );
  });

  it("refuses a zip bomb whose directory admits its size, before inflating anything", async () => {
    const bomb = await zipOf([
      { name: "manifest.csv", data: text("propertyName,value\n") },
      { name: "users.csv", data: zeros },
    ]);
    await expect(openZip(bomb)).rejects.toThrow(
      /^users\.csv unpacks to more than 100 times its compressed size .*zip bomb/,
    );
  });

  it("stops a zip bomb whose directory lies, by counting the bytes as they inflate", async () => {
    const zip = await openZip(await zipOf([{ name: "users.csv", data: zeros, claimedSize: 1000 }]));
    try {
      const { bytes, error } = await readAll(zip.open("users.csv"));
      expect(error).toBeInstanceOf(ZipRefusedError);
      expect(error?.message).toMatch(/^users\.csv unpacks to more than 100 times .*zip bomb/);
      // Stopped within one chunk of the cap: never the ten megabytes the bomb holds.
      expect(bytes).toBeLessThan(2 * MiB);
    } finally {
      zip.close();
    }
  });

  it("stops a file past the size cap, and the zip past the total cap, counted while reading", async () => {
    const limits: ZipLimits = { ...ZIP_LIMITS, maxEntryBytes: 300_000, maxTotalBytes: 500_000 };
    const rows = (n: number) => text("u-1,student,Ana,Garcia\n".repeat(n));
    const zip = await openZip(
      await zipOf([
        { name: "big.csv", data: rows(20_000), claimedSize: 10 },
        { name: "a.csv", data: rows(10_000), claimedSize: 10 },
        { name: "b.csv", data: rows(10_000), claimedSize: 10 },
      ]),
      limits,
    );
    try {
      const big = await readAll(zip.open("big.csv"));
      expect(big.error?.message).toBe(
        "big.csv unpacks to more than 293 KB, the most one file of a roster may hold.",
      );
      expect(big.bytes).toBeLessThan(300_000 + 128 * 1024);
      // big.csv's 300 KB count toward the total: a.csv (230 KB) passes it.
      const a = await readAll(zip.open("a.csv"));
      expect(a.error?.message).toBe(
        "The zip unpacks to more than 488.3 KB in all, the most a roster may hold.",
      );
    } finally {
      zip.close();
    }
  });

  it("counts a file read twice (header, then rows) once toward the total", async () => {
    const data = text("sourcedId,name\n".repeat(10_000));
    const limits: ZipLimits = { ...ZIP_LIMITS, maxTotalBytes: data.length + 1 };
    const zip = await openZip(await zipOf([{ name: "users.csv", data }]), limits);
    try {
      for await (const record of readCsv(zip.open("users.csv"))) {
        expect(record.fields).toEqual(["sourcedId", "name"]);
        break;
      }
      expect((await readAll(zip.open("users.csv"))).error).toBeNull();
      expect((await readAll(zip.open("users.csv"))).error).toBeNull();
    } finally {
      zip.close();
    }
  });

  it("refuses a damaged file: wrong checksum, or fewer bytes than the directory says", async () => {
    const zip = await openZip(
      await zipOf([
        { name: "crc.csv", data: text("a,b\n1,2\n"), claimedCrc: 12345 },
        { name: "short.csv", data: text("a,b\n1,2\n"), claimedSize: 100 },
      ]),
    );
    try {
      expect((await readAll(zip.open("crc.csv"))).error?.message).toBe(
        "crc.csv is damaged (checksum mismatch).",
      );
      expect((await readAll(zip.open("short.csv"))).error?.message).toBe(
        "short.csv is damaged: the zip says 100 bytes, it holds 8.",
      );
    } finally {
      zip.close();
    }
  });

  it("refuses an encrypted file", async () => {
    const zip = await zipOf([{ name: "users.csv", data: text("a\n"), encrypted: true }]);
    await expect(openZip(zip)).rejects.toThrow(
      "users.csv is encrypted; export without a password.",
    );
  });
});

describe("openBundle of a zip", () => {
  it("reads the folder that holds the manifest, ignoring other folders and __MACOSX", async () => {
    const zip = await zipOf([
      { name: "readme.txt", data: text("hello") },
      { name: "__MACOSX/export/._users.csv", data: text("junk") },
      { name: "export/manifest.csv", data: text("propertyName,value\n") },
      { name: "export/users.csv", data: text("sourcedId\n") },
    ]);
    const bundle = await openBundle(zip);
    try {
      expect(bundle.files).toEqual(["manifest.csv", "users.csv"]);
      expect((await readAll(bundle.open("users.csv"))).text).toBe("sourcedId\n");
    } finally {
      await bundle.close();
    }
  });

  it("answers a zip over a cap as unprocessable, saying nothing was imported, and cleans up", async () => {
    let removed = false;
    const error = await openBundle(await zipOf([{ name: "users.csv", data: zeros }]), {
      onClose: async () => {
        removed = true;
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableError);
    expect((error as Error).message).toMatch(/zip bomb.*Nothing was imported\.$/);
    expect(removed).toBe(true);
  });
});
