"use client";

import { AlertTriangle, CheckCircle2, Loader2 } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import type { Alternative } from "@/lib/domain/scheduling/alternatives";
import {
  conflictWhen,
  describeAlternative,
  groupConflicts,
  hasDoubleBooking,
  mayOverride,
  type ScheduleCheckResult,
} from "@/lib/domain/scheduling/conflict-view";

/** How many of one kind are listed before the rest fold away. */
const SHOWN_PER_KIND = 4;

const CHANGE_LABELS: Record<Alternative["change"], string> = {
  time: "another time",
  days: "other days",
  room: "another room",
};

function summary(result: ScheduleCheckResult | undefined, waitingFor: string | null): string {
  if (waitingFor) return waitingFor;
  if (!result) return "Checking the schedule for conflicts…";
  const count = result.conflicts.length;
  if (count === 0) return "No conflicts: the room, the facilitator and the students are free.";
  const alternatives = result.alternatives.length;
  return `${count} ${count === 1 ? "conflict" : "conflicts"} found.${
    alternatives > 0
      ? ` ${alternatives} conflict-free ${alternatives === 1 ? "alternative" : "alternatives"} below.`
      : " No conflict-free alternative was found nearby."
  }`;
}

/**
 * A plan's conflicts, grouped by kind with when and with what each one collides, and the nearest
 * conflict-free alternatives as buttons that put them on the form (issue 10). The short summary
 * is a polite live region, so a screen reader hears the count change as the plan is edited
 * without the whole list being read again. "Save anyway" asks for a reason only where the
 * district allows it and no double booking is among the conflicts.
 */
export function ScheduleConflicts({
  result,
  checking = false,
  error = null,
  waitingFor = null,
  onPick,
  overrideReason,
  onOverrideReasonChange,
  overrideError,
  title = "Conflict check",
  testId = "schedule-conflicts",
}: {
  result: ScheduleCheckResult | undefined;
  checking?: boolean;
  error?: string | null;
  /** Why nothing is checked yet ("Pick a facilitator to check…"); null once it can be. */
  waitingFor?: string | null;
  /** Puts an alternative on the form; without it the alternatives are listed as text. */
  onPick?: (alternative: Alternative) => void;
  overrideReason?: string;
  onOverrideReasonChange?: (reason: string) => void;
  overrideError?: string;
  title?: string;
  testId?: string;
}) {
  const headingId = useId();
  const groups = groupConflicts(result?.conflicts ?? []);
  const hasConflicts = groups.length > 0;
  const overridable = result ? mayOverride(result) : false;
  const tone = hasConflicts
    ? "border-amber-300 bg-amber-50"
    : result && !waitingFor
      ? "border-emerald-300 bg-emerald-50"
      : "border-slate-200 bg-white";

  return (
    <section
      aria-labelledby={headingId}
      className={`space-y-3 rounded-lg border p-4 shadow-sm sm:p-6 ${tone}`}
      data-testid={testId}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="flex items-center gap-2 text-lg font-semibold">
          {hasConflicts ? (
            <AlertTriangle aria-hidden className="size-5 text-amber-700" />
          ) : result && !waitingFor ? (
            <CheckCircle2 aria-hidden className="size-5 text-emerald-700" />
          ) : null}
          {title}
        </h2>
        {checking ? (
          <span className="inline-flex items-center gap-1 text-sm text-slate-700">
            <Loader2 aria-hidden className="size-4 animate-spin" />
            Checking…
          </span>
        ) : null}
      </div>

      {/* A live region without the status role: a page's own status message stays the only one. */}
      <p aria-live="polite" className="text-sm text-slate-800" data-testid="schedule-summary">
        {summary(result, waitingFor)}
      </p>
      {error ? (
        <p className="text-sm text-red-700">{error} The schedule is checked again when you save.</p>
      ) : null}

      {hasConflicts && !waitingFor ? (
        <div className="space-y-3">
          {groups.map((group) => {
            const shown = group.conflicts.slice(0, SHOWN_PER_KIND);
            const folded = group.conflicts.slice(SHOWN_PER_KIND);
            return (
              <div key={group.kind} data-testid={`conflict-${group.kind}`}>
                <h3 className="text-sm font-semibold text-slate-900">
                  {group.label} ({group.conflicts.length})
                  {group.doubleBooking ? (
                    <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900">
                      double booking
                    </span>
                  ) : null}
                </h3>
                <ConflictList conflicts={shown} />
                {folded.length > 0 ? (
                  <details className="mt-1 text-sm">
                    <summary className="cursor-pointer py-1 font-medium text-brand-700 underline">
                      {folded.length} more
                    </summary>
                    <ConflictList conflicts={folded} />
                  </details>
                ) : null}
              </div>
            );
          })}
        </div>
      ) : null}

      {hasConflicts && !waitingFor && result && result.alternatives.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Conflict-free alternatives</h3>
          <ul
            aria-label="Conflict-free alternatives"
            className="mt-1 flex flex-col gap-2 sm:flex-row sm:flex-wrap"
          >
            {result.alternatives.map((alternative) => {
              const text = describeAlternative(alternative);
              return (
                <li
                  key={`${alternative.days.join("")}-${alternative.startTime}-${alternative.roomId}`}
                >
                  {onPick ? (
                    <Button
                      variant="secondary"
                      className="w-full justify-start text-left sm:w-auto"
                      onClick={() => onPick(alternative)}
                      aria-description={`Use ${CHANGE_LABELS[alternative.change]}`}
                    >
                      {text}
                    </Button>
                  ) : (
                    <span className="text-sm">{text}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      {hasConflicts && !waitingFor && result ? (
        overridable && onOverrideReasonChange ? (
          <TextAreaField
            id="override-reason"
            label="Save anyway: why? (kept in the audit trail)"
            hint="Your district lets you save over these conflicts with a reason."
            error={overrideError}
            rows={2}
            maxLength={1000}
            value={overrideReason ?? ""}
            onChange={(event) => onOverrideReasonChange(event.target.value)}
          />
        ) : (
          <p className="text-sm text-slate-700">
            {hasDoubleBooking(result.conflicts)
              ? "A double booking cannot be saved over: pick an alternative or change the plan."
              : "Change the plan or pick an alternative before saving."}
          </p>
        )
      ) : null}
    </section>
  );
}

function ConflictList({ conflicts }: { conflicts: ScheduleCheckResult["conflicts"] }) {
  return (
    <ul className="mt-1 space-y-1 text-sm">
      {conflicts.map((conflict) => (
        <li
          // A conflict has no id of its own: one kind, session and party make one conflict.
          key={`${conflict.kind}-${conflict.date}-${conflict.startTime}-${conflict.with.id}`}
          className="rounded-md border border-amber-200 bg-white px-3 py-2"
        >
          <span className="font-medium">{conflictWhen(conflict)}</span>
          <span className="text-slate-700"> · with {conflict.with.name}</span>
          <span className="block text-slate-800">{conflict.message}</span>
        </li>
      ))}
    </ul>
  );
}
