import "server-only";
import { DomainError } from "@/lib/domain/errors";

const megabytes = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024))} MB`
    : `${Math.round(bytes / 1024)} KB`;

/** A body past its route's cap: 413 problem+json from the route wrapper. */
export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly title = "The request is too large";
  constructor(limit: number, what = "The request") {
    super(`${what} is larger than ${megabytes(limit)}; nothing was saved.`, "payload-too-large");
  }
}

/**
 * The request's body with its bytes counted as they arrive: past `limit` reading stops with a
 * PayloadTooLargeError, whatever Content-Length said — a client may send none (chunked) or a
 * false one. A declared length over the cap is refused before anything is read.
 * `read` gets a Response over the counted stream, to read it as a form, JSON or text.
 */
export async function readCapped<T>(
  request: Request,
  limit: number,
  read: (counted: Response) => Promise<T>,
  what?: string,
): Promise<T> {
  if (Number(request.headers.get("content-length") ?? 0) > limit)
    throw new PayloadTooLargeError(limit, what);
  let received = 0;
  let tooLarge = false;
  const counted = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit) {
          tooLarge = true;
          controller.error(new PayloadTooLargeError(limit, what));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await read(
      new Response(counted ?? null, {
        headers: { "content-type": request.headers.get("content-type") ?? "" },
      }),
    );
  } catch (error) {
    if (tooLarge) throw new PayloadTooLargeError(limit, what);
    throw error;
  }
}
