import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { FollowUp } from "@/lib/use-cases/sessions/list-follow-ups";
import { describeFlag } from "./attendance-summary";

/**
 * The dashboard's follow-up list: students whose absences reached the district's thresholds
 * (by default 2 in a row or 3 in the intervention) in the viewer's active groups.
 */
export function FollowUpList({
  followUps,
  settings,
}: {
  followUps: FollowUp[];
  settings: { consecutiveAbsences: number; totalAbsences: number };
}) {
  return (
    <Card aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading" className="text-lg font-semibold">
        Follow up on attendance
      </h2>
      <p className="text-sm text-slate-700">
        Students with {settings.consecutiveAbsences} absences in a row or {settings.totalAbsences}{" "}
        in an intervention.
      </p>
      {followUps.length === 0 ? (
        <p className="mt-2 text-slate-700">No one to follow up on.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200" data-testid="follow-up-list">
          {followUps.map((f) => (
            <li
              key={`${f.interventionId}-${f.studentId}`}
              className="flex flex-wrap justify-between gap-x-3 py-2"
            >
              <Link
                href={`/students/${f.studentId}/progress`}
                className="font-medium text-brand-700 underline"
              >
                {f.firstName} {f.lastName}
              </Link>
              <span className="text-sm text-slate-700">
                {describeFlag(f)} ·{" "}
                <Link href={`/interventions/${f.interventionId}`} className="underline">
                  {f.interventionName}
                </Link>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
