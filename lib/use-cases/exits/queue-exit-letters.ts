import type { Tx } from "@/db/client";
import { letterContext } from "@/db/queries/communications/letters";
import { insertCommunications } from "@/db/queries/communications/mailbox";
import { attendanceTallies, probesOf } from "@/db/queries/exits/evaluation";
import { type ReachableGuardian, reachableGuardians } from "@/db/queries/guardian-links";
import type { ExitReport } from "@/lib/domain/exit";
import { FOLLOW_UP_WEEKS } from "@/lib/domain/exit";
import {
  closingSummaryValues,
  type ExitLetterSubject,
  exitCelebrationValues,
} from "@/lib/domain/letters/exit-letters";
import type { LetterKind, LetterLanguage } from "@/lib/domain/letters/templates";
import { letterWriter } from "../communications/letter-writer";

type Recipient = ReachableGuardian;
type Context = NonNullable<Awaited<ReturnType<typeof letterContext>>>;

/**
 * Whether each kind of exit letter is a required notice (issue 13, point 5): the closing summary
 * tells the family their child's support ended, which the school must do; the celebration is
 * good news a family may choose not to receive.
 */
const REQUIRED: Record<ExitLetterKind, boolean> = {
  "exit-celebration": false,
  "closing-summary": true,
};
type ExitLetterKind = Extract<LetterKind, "exit-celebration" | "closing-summary">;

/**
 * One letter per reachable guardian (an e-mail address, no contact restriction), in the
 * guardian's language, from the district's template of the kind (the built-in one where it has
 * none; see letter-writer.ts), written in the caller's transaction so the letter exists exactly
 * when the exit does. Returns how many were queued.
 */
async function queueLetters(
  tx: Tx,
  tenantId: string,
  kind: ExitLetterKind,
  interventionId: string,
  enrollments: readonly { id: string; studentId: string }[],
  letterDate: string,
  values: (
    subject: ExitLetterSubject,
    context: Context,
    recipient: Recipient,
  ) => Readonly<Record<string, string>>,
): Promise<number> {
  if (enrollments.length === 0) return 0;
  const context = await letterContext(tx, tenantId, interventionId);
  if (!context) throw new Error("The intervention of the letter is missing");
  const recipients = await reachableGuardians(
    tx,
    tenantId,
    enrollments.map((e) => e.studentId),
  );
  if (recipients.length === 0) return 0;
  const write = await letterWriter(tx, tenantId, kind, {
    name: context.districtName,
    settings: context.districtSettings,
  });
  const enrollmentOf = new Map(enrollments.map((e) => [e.studentId, e.id]));
  const letters = recipients.map((r) => ({
    tenantId,
    kind,
    channel: "email",
    studentId: r.studentId,
    guardianId: r.guardianId,
    interventionId,
    enrollmentId: enrollmentOf.get(r.studentId) ?? null,
    toAddress: r.email,
    reason:
      kind === "exit-celebration"
        ? `Exit from ${context.name}: criteria met`
        : `${context.name} ended`,
    ...write(r, {
      required: REQUIRED[kind],
      letterDate,
      values: (language) => values(subjectOf(context, r, language), context, r),
    }),
  }));
  await insertCommunications(tx, letters);
  return letters.length;
}

/** Whom and what an exit letter is about, for one guardian in the language it is written in. */
function subjectOf(context: Context, r: Recipient, language: LetterLanguage): ExitLetterSubject {
  return {
    language,
    guardianName: `${r.guardianFirstName} ${r.guardianLastName}`,
    studentFirstName: r.studentFirstName,
    studentLastName: r.studentLastName,
    districtName: context.districtName,
    interventionName: context.name,
    focusArea: context.focusArea,
    facilitator: context.facilitator,
  };
}

/** The celebration letter of an approved exit, with what the report showed. */
export function queueExitCelebrationLetters(
  tx: Tx,
  tenantId: string,
  exit: {
    enrollmentId: string;
    interventionId: string;
    studentId: string;
    exitDate: string;
    report: ExitReport | null;
  },
): Promise<number> {
  const { report } = exit;
  return queueLetters(
    tx,
    tenantId,
    "exit-celebration",
    exit.interventionId,
    [{ id: exit.enrollmentId, studentId: exit.studentId }],
    exit.exitDate,
    (subject) =>
      exitCelebrationValues({
        ...subject,
        exitDate: exit.exitDate,
        followUpWeeks: FOLLOW_UP_WEEKS,
        probes:
          report && report.proficiencyTarget !== null
            ? {
                count: report.probesNeeded,
                target: report.proficiencyTarget,
                measureName: report.measureName,
              }
            : null,
        benchmark: report?.benchmark
          ? {
              assessmentName: report.benchmark.assessmentName,
              score: report.benchmark.score,
              cut: report.benchmark.cut,
            }
          : null,
      }),
  );
}

/** The closing summary of a group that ended, for each enrollment it ended. */
export async function queueClosingSummaryLetters(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  ended: readonly { id: string; studentId: string; enrollmentDate: string }[],
  endDate: string,
  goalValue: number | null,
): Promise<number> {
  if (ended.length === 0) return 0;
  const studentIds = ended.map((e) => e.studentId);
  const [tallies, probes] = await Promise.all([
    attendanceTallies(tx, tenantId, interventionId, studentIds),
    probesOf(tx, tenantId, [interventionId], studentIds),
  ]);
  const tallyOf = new Map(tallies.map((t) => [t.studentId, t]));
  const latestOf = new Map<string, number>();
  for (const probe of probes) latestOf.set(probe.studentId, probe.value);
  const startOf = new Map(ended.map((e) => [e.studentId, e.enrollmentDate]));
  return queueLetters(
    tx,
    tenantId,
    "closing-summary",
    interventionId,
    ended,
    endDate,
    (subject, context, r) =>
      closingSummaryValues({
        ...subject,
        enrollmentDate: startOf.get(r.studentId) ?? context.startDate,
        endDate,
        sessionsAttended: tallyOf.get(r.studentId)?.attended ?? 0,
        sessionsHeld: tallyOf.get(r.studentId)?.marked ?? 0,
        latestScore: latestOf.get(r.studentId) ?? null,
        goalValue,
        measureName: null,
      }),
  );
}
