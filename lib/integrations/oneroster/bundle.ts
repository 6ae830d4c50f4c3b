import { createReadStream } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FileBundle } from "@/lib/domain/imports/bundle";
import { readZipDirectory, readZipEntry, ZipFormatError } from "./zip";

/**
 * Opens an upload for reading: a folder of CSV files, or a zip of one (the files may sit in
 * one folder inside the zip, as many SIS exports put them). Only the folder that holds the
 * manifest counts; other folders of the zip are ignored.
 */
export async function openBundle(
  location: string,
  options: { name?: string; onClose?: () => Promise<void> } = {},
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
  let entries: Awaited<ReturnType<typeof readZipDirectory>>;
  try {
    entries = await readZipDirectory(location, info.size);
  } catch (error) {
    await onClose?.();
    throw error;
  }
  const files = entries.filter((e) => !e.name.endsWith("/") && !e.name.startsWith("__MACOSX/"));
  const manifest = files.find((e) => path.posix.basename(e.name).toLowerCase() === "manifest.csv");
  const root = manifest ? path.posix.dirname(manifest.name) : ".";
  const inRoot = files.filter((e) => path.posix.dirname(e.name) === root);
  const byName = new Map(inRoot.map((e) => [path.posix.basename(e.name), e]));
  return {
    name,
    files: [...byName.keys()],
    open: (file) => {
      const entry = byName.get(file);
      if (!entry) throw new ZipFormatError(`${file} is not in the zip.`);
      return readZipEntry(location, entry);
    },
    close: async () => onClose?.(),
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
