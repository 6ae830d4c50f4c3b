import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { NextRequest } from "next/server";
import { DomainError, ValidationError } from "@/lib/domain/errors";
import { scratchFolder } from "@/lib/integrations/oneroster/bundle";
import type { ImportProgress, ImportRunResult } from "@/lib/use-cases/imports/import-run";

/** Uploads larger than this are refused before they are read: a roster zip is far smaller. */
const MAX_UPLOAD_BYTES = 300 * 1024 * 1024;

/** The uploaded files of a form (field `files`), saved to a scratch folder removed after use. */
export async function saveUploads(request: NextRequest) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES) {
    throw new ValidationError([{ path: "files", message: "The upload is larger than 300 MB." }]);
  }
  const form = await request.formData().catch(() => {
    throw new ValidationError([{ path: "files", message: "Send the files as a multipart form." }]);
  });
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

/**
 * The import's answer as newline-delimited JSON: progress lines while files are read, then
 * the result (or the reason nothing was imported), so the page can show progress on a large
 * roster. `cleanup` runs whatever happens.
 */
export function importStream(
  run: (onProgress: (progress: ImportProgress) => void) => Promise<ImportRunResult>,
  cleanup: () => Promise<void>,
): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const result = await run((progress) => send({ type: "progress", ...progress }));
        send({ type: "done", result });
      } catch (error) {
        if (!(error instanceof DomainError)) console.error(error);
        send({
          type: "error",
          message:
            error instanceof DomainError
              ? error.message
              : "The import failed; nothing was saved. Please try again.",
        });
      } finally {
        await cleanup().catch(() => undefined);
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "private, no-store",
    },
  });
}
