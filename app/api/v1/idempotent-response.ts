import { NextResponse } from "next/server";
import type { IdempotentResult } from "@/lib/use-cases/common/idempotent";

/**
 * The answer to a write sent with an Idempotency-Key (lib/use-cases/common/idempotent.ts): the
 * stored status and body, the new resource's address when there is one, and a header that says
 * when the answer is a replay of an earlier one.
 */
export function idempotentResponse<T>(result: IdempotentResult<T>, location?: string) {
  return NextResponse.json(result.body, {
    status: result.status,
    headers: {
      ...(location ? { location } : {}),
      ...(result.replayed ? { "idempotent-replayed": "true" } : {}),
    },
  });
}
