"use client";

import { useState } from "react";
import type { PickedPerson } from "@/components/people/person-picker";
import { OneStudentPicker } from "@/components/people/student-picker";
import { Button } from "@/components/ui/button";
import { InputField, Options, SelectField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { WINDOW_LABELS } from "@/lib/domain/reports/assessment-catalogue";
import { SCREENING_WINDOWS } from "@/lib/domain/screening";
import type { ActionResult } from "@/lib/server/action";

/** Manual entry of one score: the small form beside the CSV import. */
export function ResultEntryForm({
  action,
  assessments,
}: {
  action: (values: unknown) => Promise<ActionResult<{ status: string; schoolYear: string }>>;
  assessments: { id: string; name: string; scaleMin: number; scaleMax: number }[];
}) {
  const [student, setStudent] = useState<PickedPerson[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    setBusy(true);
    const result = await action({
      assessmentId: form.get("assessmentId"),
      studentId: student[0]?.id ?? "",
      window: form.get("window"),
      administeredOn: form.get("administeredOn"),
      score: form.get("score"),
      percentile: form.get("percentile"),
    });
    setBusy(false);
    if (result.ok) {
      setMessage({
        ok: true,
        text: `${student[0]?.label}: score ${result.data.status === "updated" ? "replaced" : result.data.status === "unchanged" ? "already recorded" : "recorded"} (${result.data.schoolYear}).`,
      });
      setStudent([]);
      element.reset();
    } else {
      setMessage({
        ok: false,
        text: [result.message, ...result.fieldErrors.map((e) => e.message)].join(" "),
      });
    }
  };

  return (
    <form
      onSubmit={submit}
      className="grid gap-3 sm:grid-cols-6 sm:items-end"
      aria-label="Enter one score"
    >
      <SelectField
        id="score-assessment"
        label="Assessment"
        name="assessmentId"
        className="sm:col-span-2"
        required
      >
        <Options
          items={assessments}
          label={(a) => (
            <>
              {a.name} ({a.scaleMin}–{a.scaleMax})
            </>
          )}
        />
      </SelectField>
      <div className="space-y-1 text-sm font-medium sm:col-span-4">
        <label htmlFor="score-student">Student</label>
        <OneStudentPicker
          id="score-student"
          selected={student}
          onChange={setStudent}
          placeholder="Search by name or student number"
        />
      </div>
      <SelectField id="score-window" label="Window" name="window">
        <Options items={SCREENING_WINDOWS} label={(w) => WINDOW_LABELS[w]} />
      </SelectField>
      <InputField id="score-date" label="Date" name="administeredOn" type="date" required />
      <InputField id="score-value" label="Score" name="score" inputMode="decimal" required />
      <InputField
        id="score-percentile"
        label="Percentile"
        name="percentile"
        inputMode="numeric"
        placeholder="optional"
      />
      <Button type="submit" disabled={busy || student.length === 0}>
        Save score
      </Button>
      <FormOutcome message={message} className="sm:col-span-6 text-sm" />
    </form>
  );
}
