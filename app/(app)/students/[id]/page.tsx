import type { Metadata } from "next";
import Link from "next/link";
import { percent } from "@/components/attendance/format";
import { describeSchedule, gradeLabel } from "@/components/interventions/format";
import { LetterList } from "@/components/letters/letter-list";
import { ChangeTierForm, type ChangeTierPrefill } from "@/components/tiers/change-tier-form";
import { TierHistoryList } from "@/components/tiers/tier-history";
import { Card, TierBadge } from "@/components/ui/card";
import { ColumnHeads } from "@/components/ui/column-heads";
import { DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { attendedCount, countedMarks } from "@/lib/domain/attendance/attendance-rate";
import { formatDate } from "@/lib/domain/calendar/format";
import { canManageIntervention } from "@/lib/domain/policy";
import { WINDOW_LABELS } from "@/lib/domain/reports/assessment-catalogue";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { getStudentProfile } from "@/lib/use-cases/students/get-student-profile";
import type { EnrollmentView } from "@/lib/use-cases/students/student-record";
import { prepareTierDecision } from "@/lib/use-cases/tiers/prepare-tier-decision";
import { changeTierAction } from "./actions";
import { ReferralSection } from "./referral-section";

export const metadata: Metadata = { title: "Student" };

const PREFILLED_DECISIONS = ["start", "escalate", "step-down", "exit", "refer"] as const;

/** `?decision=escalate&interventionId=…` from a non-responder flag opens the form prefilled. */
function prefillOf(query: Record<string, string | string[] | undefined>): ChangeTierPrefill {
  const one = (value: string | string[] | undefined) =>
    typeof value === "string" ? value : undefined;
  const decision = PREFILLED_DECISIONS.find((d) => d === one(query.decision));
  return { decision, interventionId: one(query.interventionId) };
}

function Attendance({ enrollment }: { enrollment: EnrollmentView }) {
  const { counts, rate } = enrollment.attendance;
  const marked = countedMarks(counts) + counts.excused;
  return (
    <span data-testid="attendance-rate">
      {marked === 0
        ? "No sessions recorded yet"
        : `${percent(rate)} (${attendedCount(counts)} of ${countedMarks(counts)}${counts.excused ? `, ${counts.excused} excused` : ""})`}
    </span>
  );
}

/**
 * A student's page: current and past interventions with schedule and attendance, tier and its
 * history, latest screening scores (staff) or the letters received (family). A viewer with no
 * tie to the student — or from another district — gets "not found".
 */
export default async function StudentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = idParam((await params).id);
  const actor = await requireActor();
  const profile = await orNotFound(getStudentProfile(contextFor(actor), id));
  const decides = canManageIntervention(actor);
  const decisionInterventions = decides ? await prepareTierDecision(contextFor(actor), id) : [];
  const { student, current, past, tierHistory, scores, letters, audience } = profile;
  const family = audience === "family";
  const groupHref = (interventionId: string) =>
    family ? "/portal" : `/interventions/${interventionId}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-bold">
              {student.firstName} {student.lastName}
            </h1>
            <TierBadge tier={student.currentTier} />
            {student.active ? null : (
              <span className="rounded-full bg-slate-200 px-2.5 py-0.5 text-xs font-semibold">
                Inactive
              </span>
            )}
          </div>
          <p className="text-slate-700">
            {student.grade === 0 ? "Kindergarten" : `Grade ${gradeLabel(student.grade)}`} ·{" "}
            {student.schoolName} · Student number {student.localId}
          </p>
        </div>
        <Link href={`/students/${student.id}/progress`} className="text-brand-700 underline">
          Progress over time
        </Link>
      </div>

      <ReferralSection studentId={student.id} actor={actor} />

      <Card>
        <h2 className="text-lg font-semibold">Current interventions</h2>
        {current.length === 0 ? (
          <p className="mt-1 text-slate-700">None at the moment.</p>
        ) : (
          <ul className="mt-2 grid gap-3 md:grid-cols-2" data-testid="current-interventions">
            {current.map((e) => (
              <li key={e.enrollmentId} className="rounded-md border border-slate-200 p-3">
                <div className="flex items-start justify-between gap-2">
                  <TextLink href={groupHref(e.interventionId)} className="font-semibold">
                    {e.name}
                  </TextLink>
                  <TierBadge tier={e.tier} />
                </div>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600">Focus</dt>
                  <dd>{e.focusArea}</dd>
                  <dt className="text-slate-600">Schedule</dt>
                  <dd>{describeSchedule(e.schedule)}</dd>
                  <dt className="text-slate-600">Dates</dt>
                  <dd>
                    {formatDate(e.startDate)} – {formatDate(e.endDate)} ({e.durationWeeks} weeks)
                  </dd>
                  <dt className="text-slate-600">With</dt>
                  <dd>{e.facilitators.join(", ") || "—"}</dd>
                  {e.goal ? (
                    <>
                      <dt className="text-slate-600">Goal</dt>
                      <dd>{e.goal}</dd>
                    </>
                  ) : null}
                  <dt className="text-slate-600">Attendance</dt>
                  <dd>
                    <Attendance enrollment={e} />
                  </dd>
                </dl>
                {e.optedOutAt ? (
                  <p className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900">
                    The family opted out on {formatDate(e.optedOutAt.slice(0, 10))}.
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      {past.length > 0 ? (
        <Card>
          <h2 className="text-lg font-semibold">Past interventions</h2>
          <DataTable
            columns={["Intervention", "Tier", "Dates", "Ended", "Attendance"]}
            className="mt-2 w-full text-left text-sm"
          >
            {past.map((e) => (
              <tr key={e.enrollmentId} className="border-b border-slate-100">
                <td className="py-2 pr-4">
                  <TextLink href={groupHref(e.interventionId)}>{e.name}</TextLink>
                </td>
                <td className="py-2 pr-4">{e.tier}</td>
                <td className="py-2 pr-4">
                  {formatDate(e.enrollmentDate)} – {formatDate(e.exitDate ?? e.endDate)}
                </td>
                <td className="py-2 pr-4">
                  {e.exitReason ?? (e.status === "cancelled" ? "Cancelled" : "Completed")}
                </td>
                <td className="py-2 pr-4">
                  <Attendance enrollment={e} />
                </td>
              </tr>
            ))}
          </DataTable>
        </Card>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        <Card data-testid="tier-history">
          <h2 className="text-lg font-semibold">Tier history</h2>
          {tierHistory.length === 0 ? (
            <p className="mt-1 text-slate-700">Tier {student.currentTier}; no recorded changes.</p>
          ) : (
            <TierHistoryList history={tierHistory} />
          )}
          {decides ? (
            <div className="mt-4 border-t border-slate-200 pt-3">
              <h3 className="mb-2 font-semibold">Record a tier decision</h3>
              <ChangeTierForm
                currentTier={student.currentTier}
                action={changeTierAction.bind(null, student.id)}
                interventions={decisionInterventions}
                prefill={prefillOf(await searchParams)}
              />
            </div>
          ) : null}
        </Card>
        {family ? (
          <Card>
            <h2 className="text-lg font-semibold">Letters to you</h2>
            <LetterList letters={letters} empty="No letters yet." timeZone={actor.timeZone} />
          </Card>
        ) : (
          <Card>
            <h2 className="text-lg font-semibold">Latest screening scores</h2>
            {scores.length === 0 ? (
              <p className="mt-1 text-slate-700">No scores yet.</p>
            ) : (
              <table className="mt-2 w-full text-left text-sm" data-testid="scores">
                <ColumnHeads
                  columns={["Assessment", "When", "Score", "Suggests"]}
                  cellClassName="py-1 pr-3 font-medium"
                />
                <tbody>
                  {scores.map((s) => (
                    <tr key={s.assessmentName} className="border-b border-slate-100">
                      <td className="py-1 pr-3">{s.assessmentName}</td>
                      <td className="py-1 pr-3">
                        {WINDOW_LABELS[s.window]} {s.schoolYear}
                      </td>
                      <td className="py-1 pr-3">
                        {s.score}
                        {s.percentile !== null ? ` (${s.percentile}th pct.)` : ""}
                      </td>
                      <td className="py-1 pr-3">
                        <TierBadge tier={s.recommendedTier} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        )}
      </div>
    </div>
  );
}
