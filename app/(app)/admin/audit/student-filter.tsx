"use client";

import { useState } from "react";
import { studentOption } from "@/components/interventions/intervention-form";
import { PersonPicker, type PickedPerson } from "@/components/people/person-picker";

/** A student picker that submits the chosen student's id with the filter form. */
export function StudentFilter({ initial }: { initial: PickedPerson | null }) {
  const [selected, setSelected] = useState<PickedPerson[]>(initial ? [initial] : []);
  return (
    <div className="space-y-1">
      <label htmlFor="audit-student" className="block text-sm font-medium text-slate-800">
        Student
      </label>
      <PersonPicker
        id="audit-student"
        endpoint="/api/v1/students"
        toOption={studentOption}
        selected={selected}
        onChange={setSelected}
        multiple={false}
        placeholder="Any student — type a name"
      />
      <input type="hidden" name="studentId" value={selected[0]?.id ?? ""} />
    </div>
  );
}
