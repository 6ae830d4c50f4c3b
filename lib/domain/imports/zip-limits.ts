/**
 * How much a roster zip may hold and unpack to. A zip says in its directory how large each file
 * is, but a crafted one (a "zip bomb") can claim a few kilobytes and inflate to gigabytes, or
 * list millions of entries. The reader checks the directory against these caps before reading,
 * then counts the bytes it actually inflates against them as it streams, so a lying directory
 * is caught too. Values and reasons: decision 0010.
 */
export interface ZipLimits {
  /** Entries (files and folders) in the zip's directory. */
  maxEntries: number;
  /** Bytes one file may unpack to. */
  maxEntryBytes: number;
  /** Bytes all files together may unpack to. */
  maxTotalBytes: number;
  /** Unpacked bytes per compressed byte of one file. */
  maxRatio: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxEntryBytes: 1 * GiB,
  maxTotalBytes: 2 * GiB,
  maxRatio: 100,
};

/**
 * Below this many unpacked bytes a file is not judged by its ratio: a tiny file of repeated
 * text compresses far better than a roster does, and is harmless at any ratio.
 */
export const RATIO_FLOOR_BYTES = 1 * MiB;

/** What the zip's directory says about one file. */
export interface ZipEntrySize {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export function formatBytes(bytes: number): string {
  if (bytes >= GiB) return `${+(bytes / GiB).toFixed(1)} GB`;
  if (bytes >= MiB) return `${+(bytes / MiB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** Why a zip with this many entries is refused, or null. */
export function entryCountRefusal(count: number, limits: ZipLimits = ZIP_LIMITS): string | null {
  return count > limits.maxEntries
    ? `The zip holds ${count.toLocaleString("en-US")} entries; a roster export holds a few dozen, and at most ${limits.maxEntries.toLocaleString("en-US")} are accepted.`
    : null;
}

function sizeRefusal(
  name: string,
  unpacked: number,
  compressed: number,
  limits: ZipLimits,
): string | null {
  if (unpacked > limits.maxEntryBytes) {
    return `${name} unpacks to more than ${formatBytes(limits.maxEntryBytes)}, the most one file of a roster may hold.`;
  }
  if (unpacked > RATIO_FLOOR_BYTES && unpacked > Math.max(compressed, 1) * limits.maxRatio) {
    return `${name} unpacks to more than ${limits.maxRatio} times its compressed size (${formatBytes(compressed)}): rosters never compress that well, so the zip is treated as a zip bomb.`;
  }
  return null;
}

function totalRefusal(total: number, limits: ZipLimits): string | null {
  return total > limits.maxTotalBytes
    ? `The zip unpacks to more than ${formatBytes(limits.maxTotalBytes)} in all, the most a roster may hold.`
    : null;
}

/**
 * Why the directory's own sizes are refused, or null: checked before any file is read, so an
 * honest but oversized zip is refused at once.
 */
export function directoryRefusal(
  entries: readonly ZipEntrySize[],
  limits: ZipLimits = ZIP_LIMITS,
): string | null {
  const count = entryCountRefusal(entries.length, limits);
  if (count) return count;
  let total = 0;
  for (const entry of entries) {
    const refusal = sizeRefusal(entry.name, entry.uncompressedSize, entry.compressedSize, limits);
    if (refusal) return refusal;
    total += entry.uncompressedSize;
  }
  return totalRefusal(total, limits);
}

/**
 * Why inflating must stop, or null, judged on bytes counted while streaming (not on what the
 * directory claims): `entryBytes` inflated so far from a file of `compressedSize` bytes, and
 * `totalBytes` from every file of the zip.
 */
export function inflationRefusal(
  progress: { name: string; compressedSize: number; entryBytes: number; totalBytes: number },
  limits: ZipLimits = ZIP_LIMITS,
): string | null {
  return (
    sizeRefusal(progress.name, progress.entryBytes, progress.compressedSize, limits) ??
    totalRefusal(progress.totalBytes, limits)
  );
}
