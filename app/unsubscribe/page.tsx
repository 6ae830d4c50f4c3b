import {
  SignedLinkConfirm,
  SignedLinkDone,
  SignedLinkPage,
  signedLinkLanguage,
} from "@/components/letters/signed-link-page";
import { letterDate } from "@/lib/domain/letters/enrollment-letter";
import {
  readSignedLink,
  type SignedLinkSearchParams,
  signedLinkMetadata,
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
  const { token, state } = await readSignedLink(searchParams, describeUnsubscribe);
  const language = signedLinkLanguage(state);
  const text = UNSUBSCRIBE_TEXT[language];

  return (
    <SignedLinkPage link={state} text={text} footer={text.required}>
      {state.state === "ready" ? (
        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <p>{text.ready}</p>
          <SignedLinkConfirm token={token} action={stopOptionalMailAction} label={text.confirm} />
        </div>
      ) : null}
      {state.state === "done" && state.stoppedOn ? (
        <SignedLinkDone>{text.done(letterDate(state.stoppedOn, language))}</SignedLinkDone>
      ) : null}
    </SignedLinkPage>
  );
}
