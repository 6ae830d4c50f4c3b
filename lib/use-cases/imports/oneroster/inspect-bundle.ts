import { type FileBundle, findFile } from "@/lib/domain/imports/bundle";
import { readCsv, readCsvRows } from "@/lib/domain/imports/csv";
import {
  type Manifest,
  missingColumns,
  ONEROSTER_FILES,
  type OneRosterFile,
  parseManifest,
  REQUIRED_FILES,
} from "@/lib/domain/imports/oneroster/bundle";
import { BundleRefusedError } from "@/lib/domain/imports/summary";

async function readHeader(bundle: FileBundle, file: string): Promise<string[]> {
  for await (const record of readCsv(bundle.open(file), { file })) {
    return record.fields.map((f) => f.trim());
  }
  return [];
}

/**
 * Refuses, before any write, an upload that is not a OneRoster 1.1 CSV bundle: no manifest, a
 * manifest of another version, a required file missing, a file without the columns it needs.
 */
export async function inspectBundle(bundle: FileBundle): Promise<Manifest> {
  const manifestFile = findFile(bundle, "manifest.csv");
  if (!manifestFile) {
    throw new BundleRefusedError(
      "This is not a OneRoster bundle: it has no manifest.csv. Export OneRoster 1.1 CSV from your student information system.",
    );
  }
  const properties = new Map<string, string>();
  const rows = readCsvRows(
    bundle.open(manifestFile),
    (header) => {
      if (missingColumns("manifest.csv", header).length > 0) {
        throw new BundleRefusedError("manifest.csv does not have the columns propertyName,value.");
      }
    },
    { file: manifestFile },
  );
  for await (const row of rows) properties.set(row.get("propertyName"), row.get("value"));
  const manifest = parseManifest(properties);
  if (typeof manifest === "string") throw new BundleRefusedError(manifest);

  for (const file of Object.keys(ONEROSTER_FILES) as OneRosterFile[]) {
    if (file === "manifest.csv") continue;
    const found = findFile(bundle, file);
    if (!found) {
      if (REQUIRED_FILES.includes(file) && manifest.modes[file] !== "absent") {
        throw new BundleRefusedError(`This OneRoster bundle lacks ${file}.`);
      }
      continue;
    }
    const missing = missingColumns(file, await readHeader(bundle, found));
    if (missing.length > 0) {
      throw new BundleRefusedError(
        `${file} is not a OneRoster 1.1 file: its header lacks ${missing.join(", ")}.`,
      );
    }
  }
  return manifest;
}
