import { type NextRequest, NextResponse } from "next/server";
import { publicContext } from "@/lib/server/public-context";
import { letterLinksFromConfig, unsubscribeUrl } from "@/lib/use-cases/communications/letter-links";
import { stopOptionalMail } from "@/lib/use-cases/communications/stop-optional-mail";

/** The token is in the address: never cached, never passed on to another site. */
const PRIVATE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

/**
 * RFC 8058 one-click unsubscribe: the address of an optional e-mail's `List-Unsubscribe` header.
 * A mail program POSTs `List-Unsubscribe=One-Click` here with no cookies and follows no
 * redirect, so the answer is final. The signed token in the address is the only credential; the
 * body is not required to say more (some programs post it as multipart), as nothing but the
 * token decides. Stopping is idempotent: a repeat answers 200 with the stop on record.
 */
export async function POST(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const result = await stopOptionalMail(publicContext(), token.slice(0, 1000));
  if (!("stoppedOn" in result)) {
    return NextResponse.json(
      { state: result.state },
      { status: result.state === "expired" ? 410 : 404, headers: PRIVATE },
    );
  }
  return NextResponse.json(
    { state: result.state, stoppedOn: result.stoppedOn },
    { headers: PRIVATE },
  );
}

/**
 * A person (or a link checker) opening the header's address: the page that confirms with a
 * button. A GET never stops mail; only the POST does.
 */
export function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  // The address families reach the app at (APP_URL), as in the e-mail's own link.
  const page = unsubscribeUrl(letterLinksFromConfig(), token.slice(0, 1000));
  return NextResponse.redirect(page, { status: 303, headers: PRIVATE });
}
