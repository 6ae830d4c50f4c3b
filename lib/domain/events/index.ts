/**
 * Events this service publishes (spec, "Domain Events"). `subject` names what the event is
 * about (`student/<id>` or `intervention/<id>`); events of one subject are delivered in order.
 */
export type DomainEvent =
  | {
      type: "InterventionCreatedEvent";
      subject: string;
      data: {
        interventionId: string;
        name: string;
        tier: number;
        focusArea: string;
        startDate: string;
        endDate: string;
        facilitatorIds: string[];
        sessionCount: number;
        studentIds: string[];
      };
    }
  | {
      type: "StudentEnrolledInInterventionEvent";
      subject: string;
      data: {
        enrollmentId: string;
        interventionId: string;
        studentId: string;
        tier: number;
        enrollmentDate: string;
      };
    }
  | {
      type: "InterventionAttendanceRecordedEvent";
      subject: string;
      data: {
        interventionId: string;
        sessionId: string;
        sessionDate: string;
        recordedAt: string;
        records: { studentId: string; status: "present" | "absent" | "tardy" | "excused" }[];
        attendanceRate: number | null;
        flaggedStudentIds: string[];
        /** True when this save corrected an earlier one. */
        isEdit: boolean;
      };
    }
  | {
      type: "ProgressNoteAddedEvent";
      subject: string;
      data: {
        noteId: string;
        interventionId: string;
        studentId: string;
        noteDate: string;
        progressRating: string | null;
        /** Only the visibility travels; the note's text is confidential and stays here. */
        visibility: "team" | "teachers" | "family";
      };
    }
  | {
      type: "StudentExitedInterventionEvent";
      subject: string;
      data: {
        enrollmentId: string;
        interventionId: string;
        studentId: string;
        exitDate: string;
        exitReason: string;
      };
    }
  | {
      type: "TierEscalatedEvent";
      subject: string;
      data: {
        tierChangeId: string;
        studentId: string;
        fromTier: number | null;
        toTier: number;
        decidedOn: string;
        interventionId: string | null;
      };
    };

export type DomainEventType = DomainEvent["type"];

export const interventionSubject = (id: string) => `intervention/${id}`;
export const studentSubject = (id: string) => `student/${id}`;
