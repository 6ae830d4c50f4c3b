import { createReadStream } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { UnprocessableError } from "@/lib/domain/errors";
import type { FileBundle } from "@/lib/domain/imports/bundle";
import type { ZipLimits } from "@/lib/domain/imports/zip-limits";
import { openZip, ZipRefusedError } from "./zip";

/**
 * Opens an upload for reading: a folder of CSV files, or a zip of one (the files may sit in
 * one folder inside the zip, as many SIS exports put them). Only the folder that holds the
 * manifest counts; other folders of the zip are ignored. A zip over a cap (entries, unpacked
 * size, compression ratio: lib/domain/imports/zip-limits.ts) is refused here when its directory
 * shows it, or by the import, which then writes nothing, when inflating shows it.
 */
export async function openBundle(
  location: string,
  options: { name?: string; onClose?: () => Promise<void>; zipLimits?: ZipLimits } = {},
): Promise<FileBundle> {
  const { onClose } = options;
  const info = await stat(location);
  const name = options.name ?? path.basename(location);
  if (info.isDirectory()) {
    const files = (await readdir(location, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
    return {
      name,
      files,
      open: (file) => createReadStream(path.join(location, path.basename(file))),
      close: async () => onClose?.(),
    };
  }
  let zip: Awaited<ReturnType<typeof openZip>>;
  try {
    zip = await openZip(location, options.zipLimits);
  } catch (error) {
    await onClose?.();
    // Before any import has begun: the caller (upload route, command line) answers with this.
    if (error instanceof ZipRefusedError) {
      throw new UnprocessableError(`${error.message} Nothing was imported.`);
    }
    throw error;
  }
  const files = zip.files.filter((f) => !f.startsWith("__MACOSX/"));
  const manifest = files.find((f) => path.posix.basename(f).toLowerCase() === "manifest.csv");
  const root = manifest ? path.posix.dirname(manifest) : ".";
  const byName = new Map(
    files.filter((f) => path.posix.dirname(f) === root).map((f) => [path.posix.basename(f), f]),
  );
  return {
    name,
    files: [...byName.keys()],
    open: (file) => {
      const entry = byName.get(file);
      if (!entry) throw new ZipRefusedError(`${file} is not in the zip.`);
      return zip.open(entry);
    },
    close: async () => {
      zip.close();
      await onClose?.();
    },
  };
}

/**
 * A scratch folder for an upload, removed when the bundle is closed: uploads are children's
 * records and must not linger on disk.
 */
export async function scratchFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "northstar-upload-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
