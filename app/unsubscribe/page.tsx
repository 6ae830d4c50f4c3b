import { letterDate } from "@/lib/domain/letters/enrollment-letter";
import { publicContext } from "@/lib/server/public-context";
import {
  type SignedLinkSearchParams,
  signedLinkMetadata,
  tokenOf,
} from "@/lib/server/signed-link-page";
import { describeUnsubscribe } from "@/lib/use-cases/communications/describe-unsubscribe";
import { stopOptionalMailAction } from "./actions";
import { UNSUBSCRIBE_TEXT } from "./text";

export const metadata = signedLinkMetadata("Optional messages");

export const dynamic = "force-dynamic";

/**
 * Public: a guardian stops optional mail from the link at the foot of an optional e-mail. The
 * page only shows; the button (or a mail program's one-click POST to ./one-click) stops it.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: SignedLinkSearchParams;
}) {
  const token = await tokenOf(searchParams);
  const state = token
    ? await describeUnsubscribe(publicContext(), token)
    : ({ state: "invalid" } as const);
  const language = "language" in state ? state.language : "en";
  const text = UNSUBSCRIBE_TEXT[language];

  return (
    <main lang={language} className="mx-auto max-w-xl space-y-4 px-4 py-12">
      <p className="font-bold text-brand-900">
        NorthStar{"districtName" in state ? ` · ${state.districtName}` : ""}
      </p>
      <h1 className="text-2xl font-bold">{text.title}</h1>
      {state.state === "invalid" ? <p role="alert">{text.invalid}</p> : null}
      {state.state === "expired" ? <p role="alert">{text.expired}</p> : null}
      {state.state === "ready" ? (
        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <p>{text.ready}</p>
          <form action={stopOptionalMailAction}>
            <input type="hidden" name="token" value={token} />
            <button
              type="submit"
              className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
            >
              {text.confirm}
            </button>
          </form>
        </div>
      ) : null}
      {state.state === "done" && state.stoppedOn ? (
        <p
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-900"
        >
          {text.done(letterDate(state.stoppedOn, language))}
        </p>
      ) : null}
      <p className="text-sm text-slate-700">{text.required}</p>
    </main>
  );
}
