import type { Database } from "@/db/client";
import { insertCommunications } from "@/db/queries/communications/mailbox";
import { allDistrictIds, districtOf } from "@/db/queries/districts";
import {
  markSummariesCompleted,
  reportingPeriodsOf,
} from "@/db/queries/families/reporting-periods";
import {
  holdOf,
  insertSummaryOnce,
  linkSummaryCommunication,
  studentsInGroupsDuring,
  summarizedPairs,
} from "@/db/queries/families/summaries";
import { reachableGuardians } from "@/db/queries/guardian-links";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { PROGRESS_SUMMARY_KIND, summaryLetter } from "@/lib/domain/families/progress-summary";
import { periodStart, periodsDue } from "@/lib/domain/families/reporting-periods";
import { helpLineFor } from "@/lib/domain/letters/languages";
import { letterLanguageFor } from "@/lib/domain/letters/templates";
import { letterDresser } from "../communications/letter-writer";
import { summaryContentFor } from "./summary-content";

/**
 * Issue 13, point 1: after a reporting period ends, each guardian of each child who was in a
 * group during it gets one summary, in their language. One transaction per child: the summary
 * rows (unique per period, child and guardian) and their letters are written together, so two
 * runners at once, a retry or a run restarted after a crash send each summary exactly once. A
 * child whose summary a specialist held gets a `held` row and no letter. The letter is dressed
 * like every other (communications/letter-writer.ts): optional, with the unsubscribe link, kept
 * but not e-mailed to a guardian who stopped optional mail. A period whose every
 * family was written to is marked, so later passes (every minute) skip it at the cost of a query.
 */
export async function sendProgressSummariesOf(
  db: Database,
  tenantId: string,
  now: Date,
  /** Only these children (a test's own); every child of the period when absent. */
  onlyStudentIds?: readonly string[],
) {
  const totals = { periods: 0, sent: 0, held: 0 };
  const { district, periods, today } = await withTenant(db, { tenantId }, async (tx) => {
    const district = await districtOf(tx, tenantId);
    return {
      district,
      periods: await reportingPeriodsOf(tx, tenantId),
      today: todayIn(district.timeZone, now),
    };
  });
  // Optional mail: the unsubscribe link, and withheld once the guardian stopped such mail.
  const dress = letterDresser(tenantId, district);
  const open = periodsDue(periods, today).filter((p) => p.summariesCompletedAt === null);
  for (const period of open) {
    totals.periods += 1;
    const span = { name: period.name, from: periodStart(periods, period), to: period.endsOn };
    const pending = await withTenant(db, { tenantId }, async (tx) => {
      const done = await summarizedPairs(tx, tenantId, period.id);
      const studentIds = (await studentsInGroupsDuring(tx, tenantId, span.from, span.to)).filter(
        (id) => !onlyStudentIds || onlyStudentIds.includes(id),
      );
      const recipients = await reachableGuardians(tx, tenantId, studentIds);
      return recipients.filter((r) => !done.has(`${r.studentId}|${r.guardianId}`));
    });
    for (const studentId of new Set(pending.map((r) => r.studentId))) {
      await withTenant(db, { tenantId }, async (tx) => {
        const held = await holdOf(tx, tenantId, period.id, studentId);
        for (const recipient of pending.filter((r) => r.studentId === studentId)) {
          const language = letterLanguageFor(recipient.language);
          const guardianName = `${recipient.guardianFirstName} ${recipient.guardianLastName}`;
          const content = await summaryContentFor(tx, {
            tenantId,
            districtName: district.name,
            timeZone: district.timeZone,
            studentId,
            recipient: { guardianId: recipient.guardianId, guardianName, language },
            period: span,
            today,
            now,
          });
          if (!content) continue;
          const summaryId = await insertSummaryOnce(tx, {
            tenantId,
            periodId: period.id,
            studentId,
            guardianId: recipient.guardianId,
            language,
            status: held ? "held" : "sent",
            content,
          });
          // Another runner wrote it first, or the specialist held it: nothing to send.
          if (!summaryId || held) {
            if (summaryId) totals.held += 1;
            continue;
          }
          const letter = summaryLetter(content);
          const [communicationId] = await insertCommunications(tx, [
            {
              tenantId,
              kind: PROGRESS_SUMMARY_KIND,
              channel: "email",
              studentId,
              guardianId: recipient.guardianId,
              toAddress: recipient.email,
              language,
              reason: `Progress summary, ${period.name}`,
              createdAt: now,
              ...dress(recipient, {
                ...letter,
                valuesLanguage: language,
                helpLine: helpLineFor(recipient.language, language),
                required: false,
                letterDate: today,
              }),
            },
          ]);
          if (communicationId) {
            await linkSummaryCommunication(tx, tenantId, summaryId, communicationId);
          }
          totals.sent += 1;
        }
      });
    }
    // Every family of the period is written to (a test's partial run does not count).
    if (!onlyStudentIds) {
      await withTenant(db, { tenantId }, (tx) =>
        markSummariesCompleted(tx, tenantId, period.id, now),
      );
    }
  }
  return totals;
}

/** Every district, each on its own (the `send-progress-summaries` job). */
export async function sendProgressSummariesEverywhere(db: Database, now: Date) {
  const totals = { periods: 0, sent: 0, held: 0 };
  for (const tenantId of await allDistrictIds(db)) {
    const done = await sendProgressSummariesOf(db, tenantId, now);
    totals.periods += done.periods;
    totals.sent += done.sent;
    totals.held += done.held;
  }
  return totals;
}
