import "server-only";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { DomainError, ValidationError } from "@/lib/domain/errors";
import { scratchFolder } from "@/lib/integrations/oneroster/bundle";

/** Uploads larger than this are refused: a district's roster zip is far smaller. */
const MAX_UPLOAD_BYTES = 300 * 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** An upload past the cap: 413 problem+json from the route wrapper. */
class UploadTooLargeError extends DomainError {
  readonly status = 413;
  readonly title = "The upload is too large";
  constructor(limit: number) {
    super(`The upload is larger than ${megabytes(limit)}; nothing was saved.`, "payload-too-large");
  }
}

/**
 * The request's form, read with its bytes counted as they arrive: past `limit` the reading
 * stops and the upload is refused, whatever Content-Length said — a client may send none
 * (chunked) or a false one. A declared length over the cap is refused before anything is read.
 */
async function cappedFormData(request: Request, limit: number): Promise<FormData> {
  if (Number(request.headers.get("content-length") ?? 0) > limit)
    throw new UploadTooLargeError(limit);
  let received = 0;
  let tooLarge = false;
  const counted = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit) {
          tooLarge = true;
          controller.error(new UploadTooLargeError(limit));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted ?? null, {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    if (tooLarge) throw new UploadTooLargeError(limit);
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
      const target = path.join(
        scratch.dir,
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
