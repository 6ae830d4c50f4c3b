"use client";

import { PersonPicker, type PickedPerson } from "@/components/people/person-picker";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import type { TeamMember } from "@/lib/domain/tiers/schemas";

/** A member of a team on a form: picked from staff, or written in. */
export interface TeamRow {
  key: string;
  staffId: string | null;
  name: string;
  role: string;
}

function staffOption(item: Record<string, unknown>): PickedPerson {
  return {
    id: String(item.id),
    label: String(item.displayName),
    detail: item.title ? String(item.title) : undefined,
  };
}

/** The rows as the input schemas take them (teamMemberSchema). */
export function teamMembers(rows: readonly TeamRow[]): TeamMember[] {
  return rows.map((m) => ({
    ...(m.staffId ? { staffId: m.staffId } : {}),
    name: m.name,
    role: m.role,
  }));
}

/**
 * Who took part (a tier decision's team, a meeting's attendees): staff picked with the staff
 * picker the group form uses for facilitators, each with a role (their title to start with), and
 * people written in who are not in the staff list (a parent, an outside evaluator).
 */
export function TeamPicker({
  id,
  legend,
  rows,
  onChange,
}: {
  id: string;
  legend: string;
  rows: readonly TeamRow[];
  onChange: (rows: TeamRow[]) => void;
}) {
  const picked: PickedPerson[] = rows.flatMap((m) =>
    m.staffId ? [{ id: m.staffId, label: m.name }] : [],
  );
  const onPick = (people: PickedPerson[]) => {
    const written = rows.filter((r) => r.staffId === null);
    const kept = people.map(
      (p) =>
        rows.find((r) => r.staffId === p.id) ?? {
          key: p.id,
          staffId: p.id,
          name: p.label,
          role: p.detail ?? "",
        },
    );
    onChange([...kept, ...written]);
  };
  const update = (rowKey: string, change: Partial<TeamRow>) =>
    onChange(rows.map((r) => (r.key === rowKey ? { ...r, ...change } : r)));

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {legend}
      </label>
      <PersonPicker
        id={id}
        endpoint="/api/v1/staff"
        toOption={staffOption}
        selected={picked}
        onChange={onPick}
        multiple
        placeholder="Search staff by name"
      />
      {rows.length > 0 ? (
        <ul className="space-y-2" data-testid={`${id}-members`}>
          {rows.map((m, index) => (
            <li key={m.key} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
              <input
                aria-label={`Member ${index + 1} name`}
                className={inputClasses}
                value={m.name}
                readOnly={m.staffId !== null}
                onChange={(e) => update(m.key, { name: e.target.value })}
              />
              <input
                aria-label={`Member ${index + 1} role`}
                placeholder="Role, e.g. Reading specialist"
                className={inputClasses}
                value={m.role}
                onChange={(e) => update(m.key, { role: e.target.value })}
              />
              {m.staffId === null ? (
                <Button
                  variant="ghost"
                  onClick={() => onChange(rows.filter((r) => r.key !== m.key))}
                >
                  Remove {m.name || `member ${index + 1}`}
                </Button>
              ) : (
                <span />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <Button
        variant="secondary"
        onClick={() =>
          onChange([...rows, { key: crypto.randomUUID(), staffId: null, name: "", role: "" }])
        }
      >
        Add someone not in the staff list
      </Button>
    </div>
  );
}
