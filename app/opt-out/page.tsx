import type { Weekday } from "@/lib/domain/calendar/dates";
import { letterDate, listDays } from "@/lib/domain/letters/enrollment-letter";
import { publicContext } from "@/lib/server/public-context";
import {
  type SignedLinkSearchParams,
  signedLinkMetadata,
  tokenOf,
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
  const token = await tokenOf(searchParams);
  const state = token
    ? await describeOptOut(publicContext(), token)
    : ({ state: "invalid" } as const);
  const language = "language" in state ? state.language : "en";
  const text = OPT_OUT_TEXT[language];

  return (
    <main lang={language} className="mx-auto max-w-xl space-y-4 px-4 py-12">
      <p className="font-bold text-brand-900">
        NorthStar{"districtName" in state ? ` · ${state.districtName}` : ""}
      </p>
      <h1 className="text-2xl font-bold">{text.title}</h1>
      {state.state === "invalid" ? <p role="alert">{text.invalid}</p> : null}
      {state.state === "expired" ? <p role="alert">{text.expired}</p> : null}
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
            <form action={confirmOptOutAction}>
              <input type="hidden" name="token" value={token} />
              <button
                type="submit"
                className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
              >
                {text.confirm}
              </button>
            </form>
          ) : null}
          {state.state === "done" && state.decidedOn ? (
            <p
              role="status"
              className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-900"
            >
              {text.done(state.studentFirstName, letterDate(state.decidedOn, language))}
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="text-sm text-slate-700">{text.evaluation}</p>
    </main>
  );
}
