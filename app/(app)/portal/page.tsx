import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { gradeLabel } from "@/components/interventions/format";
import { LetterList } from "@/components/letters/letter-list";
import { FamilyNoteList } from "@/components/portal/family-note-list";
import { Card } from "@/components/ui/card";
import type { Weekday } from "@/lib/domain/calendar/dates";
import { formatDate, formatDaySoon, formatTime } from "@/lib/domain/calendar/format";
import { PROGRESS_SUMMARY_KIND } from "@/lib/domain/families/progress-summary";
import { isFamily } from "@/lib/domain/policy";
import { portalText } from "@/lib/i18n/portal";
import { contextFor, requireActor } from "@/lib/server/actor";
import { getFamilyOverview } from "@/lib/use-cases/portal/get-family-overview";
import { EvaluationRequestSection } from "./evaluation-request-section";

export const metadata: Metadata = { title: "Family portal" };

/**
 * The parent's home (Scenario 8): for each of their children, the groups with their schedule and
 * whom to contact, the newest notes the team shared with the family, the next sessions, the
 * letters and summaries received, and a link to the child's progress page. Staff go to their
 * dashboard.
 */
export default async function PortalPage() {
  const actor = await requireActor();
  if (!isFamily(actor)) redirect("/dashboard");
  const children = await getFamilyOverview(contextFor(actor));
  const { text, dateLocale } = portalText(actor.locale);

  return (
    <div className="mx-auto max-w-2xl space-y-6" lang={text.lang}>
      <div>
        <h1 className="text-2xl font-bold">{text.title}</h1>
        <p className="text-slate-700">{text.intro}</p>
      </div>
      {children.map((child) => (
        <Card
          key={child.id}
          className="space-y-4"
          aria-labelledby={`child-${child.id}`}
          data-testid="portal-child"
        >
          <div>
            <h2 id={`child-${child.id}`} className="text-xl font-semibold">
              {child.firstName} {child.lastName}
            </h2>
            <p className="text-sm text-slate-700">
              {text.grade(gradeLabel(child.grade))} · {child.schoolName}
            </p>
            <Link
              href={`/portal/children/${child.id}`}
              className="mt-2 inline-flex min-h-11 items-center font-medium text-brand-700 underline"
            >
              {text.home.progressLink(child.firstName)}
            </Link>
          </div>

          <section className="space-y-2">
            <h3 className="font-semibold">{text.home.groups}</h3>
            {child.interventions.length === 0 ? (
              <p className="text-sm">{text.noInterventions}</p>
            ) : (
              <ul className="space-y-3">
                {child.interventions.map((item) => (
                  <li key={item.interventionId} className="rounded-md border border-slate-200 p-3">
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <h4 className="font-semibold">{item.name}</h4>
                      <span className="text-sm text-slate-700">{text.tier(item.tier)}</span>
                    </div>
                    <dl className="mt-2 space-y-1 text-sm">
                      <div>
                        <dt className="inline font-medium">{text.schedule}: </dt>
                        <dd className="inline">
                          {(item.scheduleDays as Weekday[]).map((d) => text.days[d]).join(", ")}{" "}
                          {text.at} {item.startTime}, {text.minutes(item.sessionMinutes)}
                        </dd>
                      </div>
                      <div>
                        <dt className="inline font-medium">{text.dates}: </dt>
                        <dd className="inline">
                          {formatDate(item.startDate, dateLocale)} –{" "}
                          {formatDate(item.endDate, dateLocale)}
                        </dd>
                      </div>
                      {item.goal ? (
                        <div>
                          <dt className="inline font-medium">{text.goal}: </dt>
                          <dd className="inline">{item.goal}</dd>
                        </div>
                      ) : null}
                      {item.facilitators.map((f) => (
                        <div key={f.id}>
                          <dt className="inline font-medium">{text.contact}: </dt>
                          <dd className="inline">
                            {f.displayName}
                            {f.email ? (
                              <>
                                {" · "}
                                <a className="text-brand-700 underline" href={`mailto:${f.email}`}>
                                  {f.email}
                                </a>
                              </>
                            ) : null}
                            {f.phone ? (
                              <>
                                {" · "}
                                <a className="text-brand-700 underline" href={`tel:${f.phone}`}>
                                  {f.phone}
                                </a>
                              </>
                            ) : null}
                          </dd>
                        </div>
                      ))}
                    </dl>
                    <Link
                      href={`/interventions/${item.interventionId}`}
                      className="mt-2 inline-block text-sm text-brand-700 underline"
                    >
                      {text.details}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="space-y-2">
            <h3 className="font-semibold">{text.home.newestNotes}</h3>
            <FamilyNoteList
              notes={child.notes}
              empty={text.home.noNotes}
              text={text.note}
              dateLocale={dateLocale}
              showGroup
            />
          </section>

          <section className="space-y-2">
            <h3 className="font-semibold">{text.home.nextSessions}</h3>
            {child.nextSessions.length === 0 ? (
              <p className="text-sm">{text.home.noNextSessions}</p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="next-sessions">
                {child.nextSessions.map((session) => (
                  <li key={session.id}>
                    <span className="font-medium">
                      {formatDaySoon(session.date, dateLocale)} {text.at}{" "}
                      {formatTime(session.startsAt, actor.timeZone, dateLocale)}
                    </span>
                    {` · ${text.minutes(session.minutes)} · ${session.interventionName}`}
                    {session.roomName ? ` · ${session.roomName}` : ""}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section>
            <h3 className="font-semibold">{text.letters}</h3>
            <LetterList
              letters={child.letters.map((letter) => ({
                ...letter,
                pdf:
                  letter.kind === PROGRESS_SUMMARY_KIND
                    ? { href: `/portal/summaries/${letter.id}/pdf`, label: text.summaryPdf }
                    : undefined,
              }))}
              empty={text.noLetters}
              timeZone={actor.timeZone}
              dateLocale={dateLocale}
            />
          </section>

          <EvaluationRequestSection
            actor={actor}
            studentId={child.id}
            text={text.evaluation}
            dateLocale={dateLocale}
          />
        </Card>
      ))}
    </div>
  );
}
