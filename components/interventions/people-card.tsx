/** The intervention form's people: its facilitator and its students, each from a search picker. */

import { useState } from "react";
import type { UseFormSetValue } from "react-hook-form";
import { PersonPicker, type PickedPerson } from "@/components/people/person-picker";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import type { InterventionFormValues } from "@/lib/domain/interventions/form-schema";
import { studentOption } from "./student-option";

function staffOption(item: Record<string, unknown>): PickedPerson {
  return {
    id: String(item.id),
    label: String(item.displayName),
    detail: item.title ? String(item.title) : undefined,
  };
}

/** The pickers show whom they hold; the form keeps only their ids, checked as they change. */
export function PeopleCard({
  initialStudents,
  initialFacilitators,
  setValue,
  err,
  showStudents = true,
}: {
  /** Off when editing: students join through "Enroll more students" on the group page. */
  showStudents?: boolean;
  initialStudents: PickedPerson[];
  initialFacilitators: PickedPerson[];
  setValue: UseFormSetValue<InterventionFormValues>;
  err: (path: string) => string | undefined;
}) {
  const [students, setStudents] = useState<PickedPerson[]>(initialStudents);
  const [facilitators, setFacilitators] = useState<PickedPerson[]>(initialFacilitators);
  return (
    <Card className="space-y-4">
      <h2 className="text-lg font-semibold">People</h2>
      <Field id="facilitator" label="Facilitator" error={err("facilitatorIds")}>
        <PersonPicker
          id="facilitator"
          endpoint="/api/v1/staff"
          toOption={staffOption}
          selected={facilitators}
          multiple={false}
          placeholder="Search staff by name"
          invalid={Boolean(err("facilitatorIds"))}
          describedById={err("facilitatorIds") ? "facilitator-error" : undefined}
          onChange={(people) => {
            setFacilitators(people);
            setValue(
              "facilitatorIds",
              people.map((p) => p.id),
              { shouldValidate: true },
            );
          }}
        />
      </Field>
      {showStudents ? (
        <Field
          id="students"
          label={`Students (${students.length} selected)`}
          hint="Search by name or student number. Tier 2 groups usually have 3–6 students."
          error={err("studentIds")}
        >
          <PersonPicker
            id="students"
            endpoint="/api/v1/students"
            toOption={studentOption}
            selected={students}
            multiple
            placeholder="Search students"
            invalid={Boolean(err("studentIds"))}
            describedById={err("studentIds") ? "students-error" : "students-hint"}
            onChange={(people) => {
              setStudents(people);
              setValue(
                "studentIds",
                people.map((p) => p.id),
                { shouldValidate: true },
              );
            }}
          />
        </Field>
      ) : null}
    </Card>
  );
}
