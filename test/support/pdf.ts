import { spawnSync } from "node:child_process";

/** A PDF's text, page by page, as Debian's poppler-utils (`pdftotext`) reads it. */
export function pdfPages(pdf: Buffer): string[] {
  const run = spawnSync("pdftotext", ["-layout", "-", "-"], { input: pdf, encoding: "utf8" });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  // pdftotext ends every page with a form feed.
  return run.stdout.split("\f").slice(0, -1);
}
