import type { AttendanceCounts, DeliveryToDate, Fidelity } from "../attendance";
import { attendedCount, countedMarks } from "../attendance/attendance-rate";
import { WEEKDAY_LABELS } from "../interventions/schemas";
import { formatNumber } from "../progress/format";
import { MINIMUM_SCORES_FOR_TREND } from "../progress/trend-line";
import { describeFrequency, plannedSessionCount } from "../schedule/generate-sessions";
import type { PacketEnrollment } from "./packet";

/**
 * The referral packet's sentences about delivery, fidelity, attendance, the plan and the rate
 * of improvement (lib/domain/referrals/packet.ts shapes the rest).
 */

const percent = (rate: number | null) =>
  rate === null ? "not yet known" : `${Math.round(rate * 100)}%`;

/** "+1.5 wcpm per week", "-0.25 errors per week", or why there is no rate yet. */
export function rateOfImprovementText(
  slopePerWeek: number | null,
  unit: string | null,
  scoreCount: number,
): string {
  if (slopePerWeek === null) {
    return `Not enough scores for a trend (${scoreCount} of the ${MINIMUM_SCORES_FOR_TREND} needed)`;
  }
  const sign = slopePerWeek > 0 ? "+" : "";
  return `${sign}${formatNumber(slopePerWeek, 2)}${unit ? ` ${unit}` : ""} per week`;
}

/** Planned against delivered, to date: "12 of 15 sessions held (80%); 360 of 450 minutes (80%)". */
export function deliveredText(delivery: DeliveryToDate, fidelity: Fidelity): string {
  if (delivery.sessionsScheduledToDate === 0) return "No session was due yet";
  return `${delivery.sessionsHeld} of ${delivery.sessionsScheduledToDate} sessions held (${percent(fidelity.sessionRate)}); ${delivery.minutesDelivered} of ${delivery.minutesPlanned} minutes (${percent(fidelity.minutesRate)})`;
}

export function fidelityText(fidelity: Fidelity): string {
  if (fidelity.sessionRate === null || fidelity.minutesRate === null) {
    return "Not yet known: no session was due yet";
  }
  const level = Math.min(fidelity.sessionRate, fidelity.minutesRate);
  return fidelity.trusted
    ? `${percent(level)}: delivered as planned (at least ${percent(fidelity.threshold)})`
    : `${percent(level)}: below the ${percent(fidelity.threshold)} needed to judge the intervention by its results`;
}

export function attendanceText(counts: AttendanceCounts, rate: number | null): string {
  const counted = countedMarks(counts);
  if (counted + counts.excused === 0) return "No attendance recorded";
  return `${percent(rate)}: attended ${attendedCount(counts)} of ${counted} sessions (${counts.present} present, ${counts.tardy} late, ${counts.absent} absent${counts.excused ? `, ${counts.excused} excused, not counted` : ""})`;
}

export function planText(e: PacketEnrollment): string {
  const sessions = plannedSessionCount(e.durationWeeks, e.schedule.days);
  const days = e.schedule.days.map((d) => WEEKDAY_LABELS[d]).join(", ");
  return `${describeFrequency({ days: [...e.schedule.days], minutes: e.schedule.minutes })} (${days} at ${e.schedule.startTime}) for ${e.durationWeeks} weeks: ${sessions} sessions, ${sessions * e.schedule.minutes} minutes`;
}

/** The parent's rights (34 CFR 300.300–300.301), in plain English. */
export const PARENT_RIGHTS = {
  heading: "Your right to ask for a special education evaluation",
  paragraphs: [
    "You may ask the school to evaluate your child for special education at any time. You do not have to wait until an intervention ends, and the school may not make you wait because your child is receiving extra help (34 CFR 300.301(b)).",
    "The school must answer your request. If it agrees, it will ask for your written consent before the evaluation begins; if it refuses, it must tell you why in writing and explain your rights (34 CFR 300.300, 300.503).",
    "Once you give consent, the evaluation must be completed within 60 days, or within your state's own deadline (34 CFR 300.301(c)).",
    "To ask, speak with or write to your child's teacher, the school's intervention specialist or the principal, or use the family portal. Your request is recorded the day it is made.",
  ],
} as const;
