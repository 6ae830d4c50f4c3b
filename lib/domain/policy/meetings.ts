import type { Actor } from "./actor";
import { isManager, isStaff } from "./policy";

/**
 * MTSS team meetings (issue 11, point 2). Specialists and admins record meetings and read every
 * recap. Other staff (teachers, facilitators) read a recap only for the students they may see
 * (lib/use-cases/access/student.ts → visibleStudent): the other students' lines are left out, and
 * a meeting that discussed none of theirs does not exist for them. Families never see meetings;
 * they learn of a tier decision by its letter.
 */
export function canRecordMeetings(actor: Pick<Actor, "role">): boolean {
  return isManager(actor);
}

/** Whether the actor reads every student line of every meeting (else only their students'). */
export function readsEveryMeeting(actor: Pick<Actor, "role">): boolean {
  return isManager(actor);
}

export function mayReadMeetings(actor: Pick<Actor, "role">): boolean {
  return isStaff(actor);
}
