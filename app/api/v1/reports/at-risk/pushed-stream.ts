/**
 * A response body fed by `produce`: it pushes text and waits while the reader is behind, so
 * what is in memory is what the client has not yet taken (a chunk or two), not the whole file.
 * `push` answers false once the reader has gone away: the producer stops there.
 */
export function pushedStream(
  produce: (push: (text: string) => Promise<boolean>) => Promise<void>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cancelled = false;
  let wake: (() => void) | null = null;
  const resume = () => {
    wake?.();
    wake = null;
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const push = async (text: string) => {
          if (cancelled) return false;
          controller.enqueue(encoder.encode(text));
          while (!cancelled && (controller.desiredSize ?? 1) <= 0) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
          }
          return !cancelled;
        };
        // Not awaited: the stream is handed to the response while rows are still being read.
        produce(push).then(
          () => {
            if (!cancelled) controller.close();
          },
          (error: unknown) => {
            if (!cancelled) controller.error(error);
          },
        );
      },
      pull: resume,
      cancel() {
        cancelled = true;
        resume();
      },
    },
    { highWaterMark: 2 },
  );
}
