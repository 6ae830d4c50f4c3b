/**
 * Events this service publishes (spec, "Domain Events"). `subject` names what the event is
 * about; events of one subject are delivered in order.
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
    };

export const interventionSubject = (id: string) => `intervention/${id}`;
export const studentSubject = (id: string) => `student/${id}`;
