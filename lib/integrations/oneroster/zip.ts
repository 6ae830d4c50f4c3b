import type { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { BundleRefusedError } from "@/lib/domain/imports/summary";
import {
  directoryRefusal,
  entryCountRefusal,
  inflationRefusal,
  ZIP_LIMITS,
  type ZipLimits,
} from "@/lib/domain/imports/zip-limits";

/**
 * A roster zip read with `yauzl`: the directory once, then each file inflated as it is
 * consumed, so a large bundle never sits in memory. On top of the library, the caps of
 * lib/domain/imports/zip-limits.ts (checked against the directory, then against the bytes
 * actually inflated) and each file's CRC-32, which yauzl leaves to its caller.
 */

/** A zip that is not one, is damaged, or is over a cap: the upload is refused, nothing written. */
export class ZipRefusedError extends BundleRefusedError {
  constructor(message: string) {
    super(message);
    this.name = "ZipRefusedError";
  }
}

export interface ZipArchive {
  /** Paths of the files in the zip (folders left out), as the zip names them. */
  readonly files: readonly string[];
  /** The file's unpacked bytes, streamed; refused with ZipRefusedError past a cap. */
  open(file: string): AsyncIterable<Uint8Array>;
  close(): void;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Opens the zip at `location` and reads its directory, refusing it when it is over a cap. */
export async function openZip(
  location: string,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<ZipArchive> {
  let zip: ZipFile;
  try {
    // Sizes are checked here, while streaming, with messages of our own (see readEntry).
    zip = await yauzl.openPromise(location, { autoClose: false, validateEntrySizes: false });
  } catch (error) {
    throw new ZipRefusedError(`The file is not a zip archive (${reasonOf(error)}).`);
  }
  const entries = new Map<string, Entry>();
  try {
    // The count comes from the end of the zip, before a single entry is read.
    const tooMany = entryCountRefusal(zip.entryCount, limits);
    if (tooMany) throw new ZipRefusedError(tooMany);
    const sizes = [];
    try {
      for await (const entry of zip.eachEntry()) {
        sizes.push({
          name: entry.fileName,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
        });
        if (entry.fileName.endsWith("/")) continue;
        if (entry.isEncrypted()) {
          throw new ZipRefusedError(`${entry.fileName} is encrypted; export without a password.`);
        }
        entries.set(entry.fileName, entry);
      }
    } catch (error) {
      if (error instanceof ZipRefusedError) throw error;
      throw new ZipRefusedError(`The zip's directory is damaged (${reasonOf(error)}).`);
    }
    const refusal = directoryRefusal(sizes, limits);
    if (refusal) throw new ZipRefusedError(refusal);
  } catch (error) {
    zip.close();
    throw error;
  }

  /** Bytes inflated so far from each file; re-reading a file does not count it twice. */
  const inflated = new Map<string, number>();
  let total = 0;
  return {
    files: [...entries.keys()],
    open: (file) => {
      const entry = entries.get(file);
      if (!entry) throw new ZipRefusedError(`${file} is not in the zip.`);
      return readEntry(zip, entry, (entryBytes) => {
        const before = inflated.get(file) ?? 0;
        if (entryBytes > before) {
          total += entryBytes - before;
          inflated.set(file, entryBytes);
        }
        const refusal = inflationRefusal(
          { name: file, compressedSize: entry.compressedSize, entryBytes, totalBytes: total },
          limits,
        );
        if (refusal) throw new ZipRefusedError(refusal);
      });
    },
    close: () => zip.close(),
  };
}

/**
 * The entry's bytes as they inflate. `count` sees the running byte count before each chunk is
 * handed on and throws to stop; the stream is destroyed however the reading ends.
 */
async function* readEntry(
  zip: ZipFile,
  entry: Entry,
  count: (entryBytes: number) => void,
): AsyncGenerator<Uint8Array> {
  const name = entry.fileName;
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw new ZipRefusedError(`${name} cannot be read from the zip (${reasonOf(error)}).`);
  }
  const chunks = stream[Symbol.asyncIterator]();
  let bytes = 0;
  let crc = 0;
  try {
    while (true) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw new ZipRefusedError(`${name} is damaged (${reasonOf(error)}).`);
      }
      if (next.done) break;
      bytes += next.value.length;
      count(bytes);
      crc = crc32(next.value, crc);
      yield next.value;
    }
  } finally {
    stream.destroy();
  }
  if (bytes !== entry.uncompressedSize) {
    throw new ZipRefusedError(
      `${name} is damaged: the zip says ${entry.uncompressedSize} bytes, it holds ${bytes}.`,
    );
  }
  if (crc >>> 0 !== entry.crc32 >>> 0) {
    throw new ZipRefusedError(`${name} is damaged (checksum mismatch).`);
  }
}
