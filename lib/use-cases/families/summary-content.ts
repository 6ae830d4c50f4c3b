import type { Tx } from "@/db/client";
import { activityDuring } from "@/db/queries/families/summaries";
import { facilitatorsOf } from "@/db/queries/interventions/details";
import type { LocalDate } from "@/lib/domain/calendar/dates";
import { NotFoundError } from "@/lib/domain/errors";
import type { SummaryContent, SummaryGroup } from "@/lib/domain/families/progress-summary";
import type { LetterLanguage } from "@/lib/domain/letters/templates";
import type { Actor } from "@/lib/domain/policy";
import { loadStudentProgress } from "../progress/get-student-progress";

export interface SummaryRecipient {
  guardianId: string;
  guardianName: string;
  language: LetterLanguage;
}

/**
 * The guardian as a reader: a family actor of the district, so the summary holds exactly what
 * this guardian may read in the portal (the same visibility filter, never more). The job acts
 * for no signed-in user; reads use only the role and the guardian.
 */
function guardianReader(
  tenantId: string,
  districtName: string,
  timeZone: string,
  recipient: SummaryRecipient,
): Actor {
  return {
    userId: "00000000-0000-0000-0000-000000000000",
    tenantId,
    role: "parent",
    name: recipient.guardianName,
    email: "",
    staffId: null,
    guardianId: recipient.guardianId,
    districtName,
    timeZone,
    locale: recipient.language,
  };
}

/**
 * One guardian's summary of one child for a period, read in the caller's transaction: each
 * group the child was in during the period, with the period's sessions and attendance, the
 * scores and the decision rule's verdict, the family-visible notes written in the period, the
 * next session and the facilitator. Null when the guardian may not see the child.
 */
export async function summaryContentFor(
  tx: Tx,
  input: {
    tenantId: string;
    districtName: string;
    timeZone: string;
    studentId: string;
    recipient: SummaryRecipient;
    period: { name: string; from: LocalDate; to: LocalDate };
    today: LocalDate;
    now: Date;
  },
): Promise<SummaryContent | null> {
  const reader = guardianReader(
    input.tenantId,
    input.districtName,
    input.timeZone,
    input.recipient,
  );
  const progress = await loadStudentProgress(tx, reader, input.studentId, input.now).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    },
  );
  if (!progress) return null;
  const { from, to } = input.period;
  const during = progress.interventions.filter(
    (i) =>
      i.status !== "cancelled" && i.startDate <= to && (i.exitDate === null || i.exitDate >= from),
  );
  const activity = await activityDuring(
    tx,
    input.tenantId,
    input.studentId,
    during.map((i) => i.id),
    input.period,
    input.today,
  );
  const groups: SummaryGroup[] = [];
  for (const group of during) {
    const measure = progress.timeline.measures.find((m) =>
      m.segments.some((s) => s.interventionId === group.id),
    );
    const segment = measure?.segments.find((s) => s.interventionId === group.id);
    const [facilitator] = await facilitatorsOf(tx, input.tenantId, group.id);
    const done = activity.get(group.id);
    const ended = group.exitDate !== null || group.status === "completed" || group.endDate <= to;
    groups.push({
      name: group.name,
      status: ended ? "ended" : "continuing",
      facilitator: facilitator ? { name: facilitator.displayName, email: facilitator.email } : null,
      sessionsHeld: done?.sessionsHeld ?? 0,
      marks: done?.marks ?? [],
      measure:
        group.measure && measure
          ? {
              name: measure.name,
              unit: measure.unit,
              direction: measure.direction,
              goal: group.measure.goal,
              goalBy: group.endDate,
            }
          : null,
      scores: (measure?.points ?? [])
        .filter((p) => p.interventionId === group.id && p.date <= to)
        .map((p) => ({ date: p.date, value: p.value })),
      verdict: segment?.decision.verdict ?? null,
      notes: progress.shownNotes
        .filter((n) => n.interventionId === group.id && n.noteDate >= from && n.noteDate <= to)
        .map((n) => ({ date: n.noteDate, text: n.observation }))
        .sort((a, b) => (a.date < b.date ? -1 : 1)),
      nextSession: ended ? null : (done?.nextSession ?? null),
    });
  }
  return {
    language: input.recipient.language,
    guardianName: input.recipient.guardianName,
    studentFirstName: progress.student.firstName,
    studentLastName: progress.student.lastName,
    districtName: input.districtName,
    period: input.period,
    groups,
  };
}
