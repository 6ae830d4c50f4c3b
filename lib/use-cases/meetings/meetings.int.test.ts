import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { schools, students, tierChanges } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { addMeetingStudentSchema, createMeetingSchema } from "@/lib/domain/meetings/schemas";
import type { Actor } from "@/lib/domain/policy";
import { loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { listMyStudents } from "../students/list-my-students";
import { addMeetingStudent } from "./add-meeting-student";
import { createMeeting } from "./create-meeting";
import { getMeeting } from "./get-meeting";
import { listMeetings } from "./list-meetings";

let handle: DatabaseHandle;
let specialist: Actor;
let teacher: Actor;
let facilitator: Actor;
let parent: Actor;
let ownStudent: { id: string; name: string };
let taughtStudent: { id: string; name: string };
let meetingId: string;

beforeAll(async () => {
  handle = connect(inject("appUrl"), { max: 4 });
  specialist = await loadDemoActor(handle.db, "johnson@maplegrove.example");
  teacher = await loadDemoActor(handle.db, "teacher@maplegrove.example");
  facilitator = await loadDemoActor(handle.db, "facilitator@maplegrove.example");
  parent = await loadDemoActor(handle.db, "parent@maplegrove.example");
  const suffix = randomUUID().slice(0, 8);
  ownStudent = await withTenant(handle.db, specialist, async (tx) => {
    const [school] = await tx
      .select({ id: schools.id })
      .from(schools)
      .where(eq(schools.tenantId, specialist.tenantId))
      .limit(1);
    const [row] = await tx
      .insert(students)
      .values({
        tenantId: specialist.tenantId,
        schoolId: school!.id,
        localId: `M-${suffix}`,
        firstName: "Meeting",
        lastName: `Student ${suffix}`,
        grade: 4,
        currentTier: 2,
      })
      .returning({ id: students.id });
    return { id: row!.id, name: `Meeting Student ${suffix}` };
  });
  const [mine] = await listMyStudents(contextOf(handle.db, teacher));
  taughtStudent = { id: mine!.id, name: `${mine!.firstName} ${mine!.lastName}` };
});

afterAll(async () => {
  await handle.close();
});

describe("MTSS team meetings", () => {
  it("are recorded by specialists and admins only", async () => {
    const input = createMeetingSchema.parse({
      heldOn: "2026-11-18",
      title: "Grade 4 data meeting",
      attendees: [
        { staffId: specialist.staffId, name: "Ms. Johnson", role: "Reading specialist" },
        { name: "Mr. Lee", role: "Classroom teacher" },
      ],
      notes: "Winter screening reviewed.",
    });
    await expect(createMeeting(contextOf(handle.db, teacher), input)).rejects.toThrow(
      ForbiddenError,
    );
    meetingId = (await createMeeting(contextOf(handle.db, specialist), input)).id;
  });

  it("record each student discussed with the decision, creating the tier decision through change-tier", async () => {
    const added = await addMeetingStudent(
      contextOf(handle.db, specialist),
      meetingId,
      addMeetingStudentSchema.parse({
        studentId: ownStudent.id,
        plan: { description: "1:1 reading", with: "Ms. Johnson", sessionsPerWeek: 5, minutes: 30 },
        reviewOn: "2027-02-01",
        tierDecision: {
          toTier: 3,
          reason: "Flat growth for eight weeks in the small group.",
          team: [{ name: "Ms. Johnson", role: "Reading specialist" }],
        },
      }),
    );
    expect(added.body.decisionSummary).toBe(
      "Tier 2 → Tier 3, 1:1 reading with Ms. Johnson, 5×30 min",
    );
    const [decision] = await withTenant(handle.db, specialist, (tx) =>
      tx
        .select()
        .from(tierChanges)
        .where(
          and(
            eq(tierChanges.tenantId, specialist.tenantId),
            eq(tierChanges.studentId, ownStudent.id),
          ),
        ),
    );
    expect(decision).toMatchObject({
      id: added.body.tierChangeId,
      toTier: 3,
      decision: "escalate",
    });

    await addMeetingStudent(
      contextOf(handle.db, specialist),
      meetingId,
      addMeetingStudentSchema.parse({
        studentId: taughtStudent.id,
        decision: "Continue; add a weekly probe",
        reviewOn: "2027-01-15",
      }),
    );

    const recap = await getMeeting(contextOf(handle.db, specialist), meetingId);
    expect(recap.attendees.map((a) => a.name)).toEqual(["Ms. Johnson", "Mr. Lee"]);
    expect(recap.students.map((s) => s.line)).toEqual([
      `${ownStudent.name}: Tier 2 → Tier 3, 1:1 reading with Ms. Johnson, 5×30 min, review 2027-02-01`,
      `${taughtStudent.name}: Continue; add a weekly probe, review 2027-01-15`,
    ]);
    expect(recap.students[0]!.snapshotUrl).toBe(
      `/students/${ownStudent.id}/decisions/${added.body.tierChangeId}`,
    );
    expect(recap.students[1]!.snapshotUrl).toBeNull();
    const listed = await listMeetings(contextOf(handle.db, specialist));
    expect(listed.find((m) => m.id === meetingId)?.students).toHaveLength(2);
  });

  it("show a teacher only their own students' lines; others do not see the meeting", async () => {
    const recap = await getMeeting(contextOf(handle.db, teacher), meetingId);
    expect(recap.students.map((s) => s.studentId)).toEqual([taughtStudent.id]);
    expect(recap.editable).toBe(false);
    expect((await listMeetings(contextOf(handle.db, teacher))).map((m) => m.id)).toContain(
      meetingId,
    );

    const otherMeeting = await createMeeting(
      contextOf(handle.db, specialist),
      createMeetingSchema.parse({
        heldOn: "2026-11-18",
        title: "Another meeting",
        attendees: [{ name: "Ms. Johnson", role: "Reading specialist" }],
      }),
    );
    await addMeetingStudent(
      contextOf(handle.db, specialist),
      otherMeeting.id,
      addMeetingStudentSchema.parse({ studentId: ownStudent.id, decision: "Review in January" }),
    );
    await expect(getMeeting(contextOf(handle.db, facilitator), otherMeeting.id)).rejects.toThrow(
      NotFoundError,
    );
    await expect(getMeeting(contextOf(handle.db, parent), meetingId)).rejects.toThrow(
      ForbiddenError,
    );
  });
});
