"use client";

import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PersonPicker, type PickedPerson } from "@/components/people/person-picker";
import { ScheduleConflicts } from "@/components/scheduling/schedule-conflicts";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError, FormOutcome } from "@/components/ui/form-outcome";
import {
  mayOverride,
  type ScheduleCheckResult,
  scheduleCheckFromDetails,
} from "@/lib/domain/scheduling/conflict-view";
import type { ActionResult } from "@/lib/server/action";
import { studentOption } from "./student-option";

type EnrollAction = (
  values: unknown,
  interventionId: string,
) => Promise<ActionResult<{ enrolledStudentIds: string[]; enrolledCount: number }>>;

/**
 * "Enroll more students" on the group page (issue 10): the create form's student picker, then
 * the enroll use-case. A student whose day collides with the group's sessions is refused with
 * the conflicts listed, as the planning form lists them; where the district allows it and no
 * double booking is among them, a reason saves anyway.
 */
export function EnrollStudentsForm({
  action,
  interventionId,
}: {
  action: EnrollAction;
  interventionId: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [students, setStudents] = useState<PickedPerson[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [conflicts, setConflicts] = useState<ScheduleCheckResult | null>(null);
  const [reason, setReason] = useState("");

  const pick = (people: PickedPerson[]) => {
    setStudents(people);
    setConflicts(null);
    setError(null);
  };

  const enroll = async () => {
    if (students.length === 0) {
      setError("Pick at least one student.");
      return;
    }
    setPending(true);
    setError(null);
    setOutcome(null);
    const override = conflicts && mayOverride(conflicts) && reason.trim() ? reason.trim() : null;
    const result = await action(
      {
        studentIds: students.map((s) => s.id),
        ...(override ? { override: { reason: override } } : {}),
      },
      interventionId,
    );
    setPending(false);
    if (result.ok) {
      const count = result.data.enrolledStudentIds.length;
      setOutcome({
        ok: true,
        text: `${count} ${count === 1 ? "student" : "students"} enrolled; the group has ${result.data.enrolledCount}.`,
      });
      setStudents([]);
      setConflicts(null);
      setReason("");
      router.refresh();
      return;
    }
    const check = scheduleCheckFromDetails(result.details);
    if (check && check.conflicts.length > 0) {
      // Another time for the whole group is the edit form's business, not this one's.
      setConflicts({ ...check, alternatives: [] });
      setError(
        mayOverride(check)
          ? "Not enrolled: the group's sessions collide with these students' day. Give a reason to enroll anyway, or pick other students."
          : "Not enrolled: the group's sessions collide with these students' day.",
      );
    } else {
      setError(result.message);
    }
  };

  if (!open) {
    return (
      <div className="space-y-2">
        <Button variant="secondary" onClick={() => setOpen(true)}>
          <UserPlus aria-hidden className="size-4" />
          Enroll more students
        </Button>
        <FormOutcome message={outcome} />
      </div>
    );
  }

  return (
    <Card className="space-y-4" aria-labelledby="enroll-heading">
      <h2 id="enroll-heading" className="text-lg font-semibold">
        Enroll more students
      </h2>
      <FormError message={error} />
      <Field
        id="enroll-students"
        label={`Students to enroll (${students.length} selected)`}
        hint="Search by name or student number. They join from today's sessions on."
      >
        <PersonPicker
          id="enroll-students"
          endpoint="/api/v1/students"
          toOption={studentOption}
          selected={students}
          multiple
          placeholder="Search students"
          describedById="enroll-students-hint"
          onChange={pick}
        />
      </Field>
      {conflicts ? (
        <ScheduleConflicts
          result={conflicts}
          title="Conflicts of these students"
          testId="enroll-conflicts"
          overrideReason={reason}
          onOverrideReasonChange={setReason}
        />
      ) : null}
      <FormOutcome message={outcome} />
      <div className="flex flex-wrap justify-end gap-3">
        <Button
          variant="secondary"
          onClick={() => {
            setOpen(false);
            pick([]);
          }}
        >
          Close
        </Button>
        <Button onClick={enroll} disabled={pending}>
          {pending ? "Enrolling…" : "Enroll"}
        </Button>
      </div>
    </Card>
  );
}
