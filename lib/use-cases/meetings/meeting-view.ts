import type { Tx } from "@/db/client";
import { meetingStudentsOf } from "@/db/queries/meetings";
import { NotFoundError } from "@/lib/domain/errors";
import { recapLine } from "@/lib/domain/meetings/summary";
import type { Actor } from "@/lib/domain/policy";
import { readsEveryMeeting } from "@/lib/domain/policy/meetings";
import { visibleStudent } from "../access";
import { snapshotUrl } from "../tiers/snapshot-url";

export interface MeetingStudentLine {
  id: string;
  studentId: string;
  studentName: string;
  tierChangeId: string | null;
  decision: string | null;
  fromTier: number | null;
  toTier: number | null;
  decisionSummary: string;
  reviewOn: string | null;
  /** "Emma Wilson: Tier 2 → Tier 3, 1:1 reading with Ms. Johnson, 5×30 min, review 2027-02-01" */
  line: string;
  /** The data looked at: the tier decision's snapshot page. */
  snapshotUrl: string | null;
}

/**
 * The student lines of these meetings the actor may read: all of them for specialists and
 * admins, else only the students the actor may see (lib/domain/policy/meetings.ts).
 */
export async function readableMeetingStudents(
  tx: Tx,
  actor: Actor,
  meetingIds: readonly string[],
): Promise<Map<string, MeetingStudentLine[]>> {
  const rows = await meetingStudentsOf(tx, actor.tenantId, meetingIds);
  let readable: (studentId: string) => boolean = () => true;
  if (!readsEveryMeeting(actor)) {
    const seen = new Set<string>();
    for (const studentId of new Set(rows.map((r) => r.studentId))) {
      const audience = await visibleStudent(tx, actor, studentId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      });
      if (audience !== null && audience !== "family") seen.add(studentId);
    }
    readable = (studentId) => seen.has(studentId);
  }
  const byMeeting = new Map<string, MeetingStudentLine[]>();
  for (const r of rows) {
    if (!readable(r.studentId)) continue;
    const studentName = `${r.firstName} ${r.lastName}`;
    const line: MeetingStudentLine = {
      id: r.id,
      studentId: r.studentId,
      studentName,
      tierChangeId: r.tierChangeId,
      decision: r.decision,
      fromTier: r.fromTier,
      toTier: r.toTier,
      decisionSummary: r.decisionSummary,
      reviewOn: r.reviewOn,
      line: recapLine({ studentName, summary: r.decisionSummary, reviewOn: r.reviewOn }),
      snapshotUrl: r.tierChangeId ? snapshotUrl(r.studentId, r.tierChangeId) : null,
    };
    const list = byMeeting.get(r.meetingId);
    if (list) list.push(line);
    else byMeeting.set(r.meetingId, [line]);
  }
  return byMeeting;
}
