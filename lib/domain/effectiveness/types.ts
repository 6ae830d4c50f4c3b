import type { AttendanceCounts, Fidelity } from "../attendance";
import type { CalendarDate, MeasureDirection, ScorePoint } from "../progress";
import type { Spent } from "./investment";
import type { Recommendation } from "./recommendation";

export interface StudentSeries {
  readonly studentId: string;
  readonly scores: readonly ScorePoint[];
  /** A baseline recorded at enrollment; when absent it is derived from the scores. */
  readonly baseline?: number | null;
  readonly screeningScore?: number | null;
}

export interface EffectivenessInput {
  readonly students: readonly StudentSeries[];
  readonly goal: number;
  readonly direction?: MeasureDirection;
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
  readonly today: CalendarDate;
  /** The group's marks over the sessions held. */
  readonly attendance: AttendanceCounts;
  readonly sessionsScheduledToDate: number;
  readonly sessionsHeld: number;
  readonly minutesPerSession: number;
  /**
   * The sum of the scheduled-to-date sessions' own lengths (lib/domain/sessions/delivery.ts →
   * deliveryToDate, which the app passes). Without it, every scheduled session is taken to run
   * the group's length, which is the same figure while no planned session has a length of its
   * own (create-intervention gives every planned session the group's).
   */
  readonly minutesPlanned?: number;
  /** Defaults to every held session running its full length. */
  readonly minutesDelivered?: number;
  readonly facilitatorCount: number;
  /**
   * The group's cost to date in money, priced by its budget over the sessions held
   * (investment.ts → spentOf); without it (a reader who may not see pay rates) no money
   * figures are given and staff hours stand for cost.
   */
  readonly spent?: Spent | null;
  /** The grade-level benchmark a student's latest score is held against. */
  readonly benchmarkCut: number;
  readonly fidelityThreshold?: number;
}

export interface StudentsProgressing {
  readonly count: number;
  readonly total: number;
  readonly rate: number | null;
}

export interface Cost {
  readonly staff: number;
  readonly resources: number;
  readonly total: number;
  readonly perStudent: number | null;
  readonly perPoint: number | null;
}

export interface NonResponder {
  readonly studentId: string;
  readonly reason: string;
}

export interface Effectiveness {
  readonly attendanceRate: number | null;
  /** The lower of the session and minutes rates: the one that limits how far the data can be trusted. */
  readonly fidelity: number | null;
  readonly fidelityDetail: Fidelity;
  readonly preAverage: number | null;
  readonly currentAverage: number | null;
  readonly change: number | null;
  readonly studentsProgressing: StudentsProgressing;
  readonly projectedEndAverage: number | null;
  readonly staffHours: number;
  readonly studentHours: number;
  /** Staff hours per point of gain; null while there is no gain. */
  readonly costPerPoint: number | null;
  readonly cost: Cost | null;
  readonly recommendation: Recommendation;
  readonly nonResponders: readonly NonResponder[];
}
