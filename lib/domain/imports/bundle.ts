/**
 * The files of an upload, however they arrived (a folder, a zip, an upload form). The use-cases
 * read through this, so they never touch the file system themselves.
 */
export interface FileBundle {
  /** What the admin would recognise: the zip's or folder's name. */
  readonly name: string;
  /** The file names it holds, without folders (e.g. "users.csv"). */
  readonly files: readonly string[];
  /** The bytes of one file, streamed; `file` as listed in `files`. */
  open(file: string): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

/** The listed name that matches `wanted` regardless of case, or undefined. */
export function findFile(bundle: Pick<FileBundle, "files">, wanted: string): string | undefined {
  const lower = wanted.toLowerCase();
  return bundle.files.find((f) => f.toLowerCase() === lower);
}

/** One uploaded file (a results CSV), read as a stream. */
export interface UploadedFile {
  readonly name: string;
  open(): AsyncIterable<Uint8Array>;
}
