"use client";

import { useState } from "react";
import type { PickedPerson } from "@/components/people/person-picker";
import { OneStudentPicker } from "@/components/people/student-picker";
import { Field } from "@/components/ui/field";

/** A student picker that submits the chosen student's id with the filter form. */
export function StudentFilter({ initial }: { initial: PickedPerson | null }) {
  const [selected, setSelected] = useState<PickedPerson[]>(initial ? [initial] : []);
  return (
    <Field id="audit-student" label="Student">
      <OneStudentPicker
        id="audit-student"
        selected={selected}
        onChange={setSelected}
        placeholder="Any student — type a name"
      />
      <input type="hidden" name="studentId" value={selected[0]?.id ?? ""} />
    </Field>
  );
}
