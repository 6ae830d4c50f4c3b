import "server-only";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { ValidationError } from "@/lib/domain/errors";
import { scratchFolder } from "@/lib/integrations/oneroster/bundle";
import { PayloadTooLargeError, readCapped } from "./capped-body";

/** Uploads larger than this are refused: a district's roster zip is far smaller. */
const MAX_UPLOAD_BYTES = 300 * 1024 * 1024;

/**
 * The request's form, its bytes counted as they arrive (./capped-body.ts): past `limit` the
 * upload is refused with 413 and nothing is saved.
 */
async function cappedFormData(request: Request, limit: number): Promise<FormData> {
  try {
    return await readCapped(request, limit, (counted) => counted.formData(), "The upload");
  } catch (error) {
    if (error instanceof PayloadTooLargeError) throw error;
    throw new ValidationError([{ path: "files", message: "Send the files as a multipart form." }]);
  }
}

/**
 * The uploaded files of a form (field `files`), saved to a scratch folder removed after use.
 * Nothing is written until the whole form has arrived within `limit` bytes.
 */
export async function saveUploads(request: Request, limit: number = MAX_UPLOAD_BYTES) {
  const form = await cappedFormData(request, limit);
  const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length === 0)
    throw new ValidationError([{ path: "files", message: "Choose a file to import." }]);
  const scratch = await scratchFolder();
  try {
    const saved: string[] = [];
    for (const file of files) {
      // Only the file's own name: a path in it must never write outside the scratch folder.
      // The scratch folder is made at run time: the ignore comment keeps Next's build from
      // tracing the whole project into the server bundle for this join.
      const target = path.join(
        /* turbopackIgnore: true */ scratch.dir,
        path.basename(file.name).replace(/[^\w.\- ]/g, "_") || "upload",
      );
      await writeFile(target, Buffer.from(await file.arrayBuffer()));
      saved.push(target);
    }
    return {
      dir: scratch.dir,
      files: saved,
      names: files.map((f) => f.name),
      form,
      remove: scratch.remove,
    };
  } catch (error) {
    await scratch.remove();
    throw error;
  }
}
