"use client";

import { studentOption } from "@/components/interventions/student-option";
import { PersonPicker, type PickedPerson } from "./person-picker";

/** A picker of one student of the district, searched by name or student number. */
export function OneStudentPicker({
  id,
  selected,
  onChange,
  placeholder,
}: {
  id: string;
  selected: PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  placeholder: string;
}) {
  return (
    <PersonPicker
      id={id}
      endpoint="/api/v1/students"
      toOption={studentOption}
      selected={selected}
      onChange={onChange}
      multiple={false}
      placeholder={placeholder}
    />
  );
}
