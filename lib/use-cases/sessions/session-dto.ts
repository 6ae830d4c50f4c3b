import { ratio } from "@/lib/domain/attendance";
import { roundRate } from "@/lib/domain/progress";
import { isMakeupSession, type SessionStatus } from "@/lib/domain/sessions/delivery";

/** A session as the API shows it (`GET /interventions/{id}/sessions`). */
export interface SessionDto {
  id: string;
  interventionId: string;
  sequence: number;
  date: string;
  startsAt: string;
  minutes: number;
  status: SessionStatus;
  /** Added after planning, e.g. to make up for a cancelled session. */
  isMakeup: boolean;
  /** The cancelled session this one makes up for, when it was added as a make-up. */
  makeupForSessionId: string | null;
  /** Why a cancelled session was called off. */
  cancellationReason: string | null;
  notes: string | null;
  /** Null until attendance is taken. */
  attendance: { marked: number; attended: number; attendanceRate: number | null } | null;
}

export interface SessionRowWithTallies {
  id: string;
  interventionId: string;
  sequence: number;
  date: string;
  startsAt: Date;
  minutes: number;
  status: SessionStatus;
  notes: string | null;
  cancellationReason: string | null;
  makeupForSessionId: string | null;
  markCount: number;
  attendedCount: number;
  countedCount: number;
}

export function toSessionDto(row: SessionRowWithTallies, plannedCount: number): SessionDto {
  const rate = ratio(row.attendedCount, row.countedCount);
  return {
    id: row.id,
    interventionId: row.interventionId,
    sequence: row.sequence,
    date: row.date,
    startsAt: row.startsAt.toISOString(),
    minutes: row.minutes,
    status: row.status,
    isMakeup: isMakeupSession(row.sequence, plannedCount),
    makeupForSessionId: row.makeupForSessionId,
    cancellationReason: row.cancellationReason,
    notes: row.notes,
    attendance:
      row.markCount === 0
        ? null
        : {
            marked: row.markCount,
            attended: row.attendedCount,
            attendanceRate: roundRate(rate),
          },
  };
}
