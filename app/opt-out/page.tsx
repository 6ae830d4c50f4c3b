import {
  SignedLinkConfirm,
  SignedLinkDone,
  SignedLinkPage,
  signedLinkLanguage,
} from "@/components/letters/signed-link-page";
import type { Weekday } from "@/lib/domain/calendar/dates";
import { letterDate, listDays } from "@/lib/domain/letters/enrollment-letter";
import {
  readSignedLink,
  type SignedLinkSearchParams,
  signedLinkMetadata,
} from "@/lib/server/signed-link-page";
import { describeOptOut } from "@/lib/use-cases/communications/describe-opt-out";
import { confirmOptOutAction } from "./actions";
import { OPT_OUT_TEXT } from "./text";

export const metadata = signedLinkMetadata("Intervention");

export const dynamic = "force-dynamic";

/** Public: a guardian opts their child out of an intervention from the letter's signed link. */
export default async function OptOutPage({
  searchParams,
}: {
  searchParams: SignedLinkSearchParams;
}) {
  const { token, state } = await readSignedLink(searchParams, describeOptOut);
  const language = signedLinkLanguage(state);
  const text = OPT_OUT_TEXT[language];

  return (
    <SignedLinkPage link={state} text={text} footer={text.evaluation}>
      {"interventionName" in state ? (
        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <p className="text-lg">{text.ready(state.studentFirstName, state.interventionName)}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-600">{text.schedule}</dt>
            <dd>
              {listDays(state.schedule.days as Weekday[], language)}, {state.schedule.startTime} (
              {state.schedule.minutes} min)
            </dd>
            <dt className="text-slate-600">{text.dates}</dt>
            <dd>
              {letterDate(state.schedule.startDate, language)} –{" "}
              {letterDate(state.schedule.endDate, language)}
            </dd>
          </dl>
          {state.state === "not-offered" ? <p role="alert">{text.notOffered}</p> : null}
          {state.state === "ready" ? (
            <SignedLinkConfirm token={token} action={confirmOptOutAction} label={text.confirm} />
          ) : null}
          {state.state === "done" && state.decidedOn ? (
            <SignedLinkDone>
              {text.done(state.studentFirstName, letterDate(state.decidedOn, language))}
            </SignedLinkDone>
          ) : null}
        </div>
      ) : null}
    </SignedLinkPage>
  );
}
