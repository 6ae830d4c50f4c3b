import { DomainError } from "@/lib/domain/errors";
import type { ImportProgress, ImportRunResult } from "@/lib/use-cases/imports/import-run";

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
