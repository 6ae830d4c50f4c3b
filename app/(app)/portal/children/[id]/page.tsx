import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { FamilyNoteList } from "@/components/portal/family-note-list";
import { FamilyProgressChart } from "@/components/portal/family-progress-chart";
import { Card } from "@/components/ui/card";
import { BackLink } from "@/components/ui/text-link";
import { formatDate } from "@/lib/domain/calendar/format";
import { readingText, standingSentence } from "@/lib/domain/families/standing";
import { isFamily } from "@/lib/domain/policy";
import { portalText } from "@/lib/i18n/portal";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import type { FamilyMeasureProgress } from "@/lib/use-cases/portal/family-views";
import { getChildProgress } from "@/lib/use-cases/portal/get-child-progress";

export const metadata: Metadata = { title: "Progress" };

/**
 * One child's progress in the family portal (Scenario 8): per group, the readings shared with
 * the family against the goal line and, under it, where the child stands in plain words, then the
 * group's notes for the family. Only the child's own (unrestricted) guardians get here; any other
 * id is a 404 and staff go to their dashboard.
 */
export default async function ChildProgressPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam((await params).id);
  const actor = await requireActor();
  if (!isFamily(actor)) redirect("/dashboard");
  const { child, groups } = await orNotFound(getChildProgress(contextFor(actor), id));
  const { text, dateLocale } = portalText(actor.locale);
  const words = text.progress;
  // The chart is drawn in the browser: it gets the words as strings, not the summary's function.
  const { summary, ...chartWords } = words.chart;
  const name = `${child.firstName} ${child.lastName}`;
  /** "Emma's latest Fluency level reading is 3.2 grade level (Nov 18). The goal by … is 3.6. Emma is on track." */
  const verdict = (measure: FamilyMeasureProgress) =>
    standingSentence(
      {
        firstName: child.firstName,
        measureName: measure.name,
        unit: measure.unit,
        latest: measure.latest,
        goal: measure.goal,
        goalDate: measure.goalDate,
        standing: measure.standing,
      },
      text.lang,
    );

  return (
    <div className="mx-auto max-w-2xl space-y-6" lang={text.lang}>
      <div className="space-y-1">
        <BackLink href="/portal">{words.back}</BackLink>
        <h1 className="text-2xl font-bold">{words.title(name)}</h1>
        <p className="text-slate-700">{words.intro}</p>
      </div>
      <ul className="flex flex-col gap-1">
        <li>
          <Link
            href={`/portal/children/${child.id}/disclosures`}
            className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
          >
            {words.disclosures(child.firstName)}
          </Link>
        </li>
        <li>
          <Link
            href={`/portal/children/${child.id}/requests`}
            className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
          >
            {words.requests}
          </Link>
        </li>
      </ul>

      {groups.length === 0 ? (
        <Card>
          <p>{text.noInterventions}</p>
        </Card>
      ) : (
        groups.map((group) => (
          <Card
            key={group.id}
            aria-labelledby={`group-${group.id}`}
            className="space-y-4"
            data-testid="portal-group"
          >
            <div>
              <h2 id={`group-${group.id}`} className="text-xl font-semibold">
                {group.name}
              </h2>
              <p className="text-sm text-slate-700">
                {words.status[group.status]} · {formatDate(group.startDate, dateLocale)} –{" "}
                {formatDate(group.endDate, dateLocale)}
                {group.exitDate ? ` · ${words.left(formatDate(group.exitDate, dateLocale))}` : ""}
              </p>
              {group.goal ? (
                <p className="mt-1 text-sm">
                  <span className="font-medium">{text.goal}:</span> {group.goal}
                </p>
              ) : null}
            </div>

            {group.measures.length === 0 ? (
              <p className="text-sm">{words.noMeasures}</p>
            ) : (
              group.measures.map((measure) => (
                <section key={measure.name} className="space-y-2">
                  <h3 className="font-semibold">
                    {measure.name}
                    {measure.unit ? ` (${measure.unit})` : ""}
                  </h3>
                  <p className="rounded-md bg-slate-100 p-3" data-testid="family-verdict">
                    {verdict(measure)}
                  </p>
                  <FamilyProgressChart
                    measure={measure}
                    summary={summary(
                      measure.name,
                      measure.readings.length,
                      measure.latest ? readingText(measure.latest.value, measure.unit) : "—",
                    )}
                    text={chartWords}
                    dateLocale={dateLocale}
                  />
                </section>
              ))
            )}

            <section className="space-y-2">
              <h3 className="font-semibold">{words.notes}</h3>
              <FamilyNoteList
                notes={group.notes}
                empty={words.noNotes}
                text={text.note}
                dateLocale={dateLocale}
                showGroup={false}
              />
            </section>
          </Card>
        ))
      )}
    </div>
  );
}
