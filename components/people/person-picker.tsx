"use client";

import { Check, Search, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { inputClasses } from "@/components/ui/field";

export interface PickedPerson {
  id: string;
  label: string;
  detail?: string;
}

/**
 * A searchable picker over one of the people endpoints (`/api/v1/students`, `/api/v1/staff`),
 * usable by keyboard alone (ARIA combobox + listbox). Multiple or single selection.
 */
export function PersonPicker({
  id,
  endpoint,
  toOption,
  selected,
  onChange,
  multiple,
  placeholder,
  invalid,
  describedById,
}: {
  id: string;
  endpoint: string;
  toOption: (item: Record<string, unknown>) => PickedPerson;
  selected: PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  multiple: boolean;
  placeholder: string;
  invalid?: boolean;
  describedById?: string;
}) {
  const listId = useId();
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<PickedPerson[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  const toOptionRef = useRef(toOption);
  toOptionRef.current = toOption;

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus("loading");
      try {
        const response = await fetch(`${endpoint}?limit=20&q=${encodeURIComponent(query)}`, {
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { items: Record<string, unknown>[] };
        setOptions(body.items.map((item) => toOptionRef.current(item)));
        setActive(0);
        setStatus("idle");
      } catch (error) {
        if (!controller.signal.aborted) setStatus("error");
        void error;
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [endpoint, query, open]);

  const isSelected = (person: PickedPerson) => selected.some((p) => p.id === person.id);
  const toggle = (person: PickedPerson) => {
    if (!multiple) {
      onChange([person]);
      setOpen(false);
      setQuery("");
      return;
    }
    onChange(
      isSelected(person) ? selected.filter((p) => p.id !== person.id) : [...selected, person],
    );
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && open && options[active]) {
      event.preventDefault();
      toggle(options[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  return (
    <div className="space-y-2">
      {selected.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label="Selected">
          {selected.map((person) => (
            <li
              key={person.id}
              className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pl-3 pr-1 text-sm text-brand-900"
            >
              {person.label}
              <button
                type="button"
                onClick={() => onChange(selected.filter((p) => p.id !== person.id))}
                className="rounded-full p-1 hover:bg-brand-100"
                aria-label={`Remove ${person.label}`}
              >
                <X className="size-4" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="relative">
        <Search
          className="pointer-events-none absolute left-3 top-3.5 size-4 text-slate-500"
          aria-hidden
        />
        <input
          id={id}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={
            open && options[active] ? `${listId}-${options[active].id}` : undefined
          }
          aria-invalid={invalid || undefined}
          aria-describedby={describedById}
          autoComplete="off"
          className={`${inputClasses} pl-9`}
          placeholder={placeholder}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
        {open ? (
          <div
            id={listId}
            role="listbox"
            aria-multiselectable={multiple}
            className="absolute z-10 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
          >
            {status === "error" ? (
              <p className="px-3 py-2 text-sm text-red-700">
                Could not search. Check your connection and type again.
              </p>
            ) : options.length === 0 ? (
              <p className="px-3 py-2 text-sm text-slate-600">
                {status === "loading" ? "Searching…" : "No matches."}
              </p>
            ) : (
              options.map((person, index) => (
                // Focus stays in the input (aria-activedescendant), as the ARIA combobox pattern asks.
                <div
                  key={person.id}
                  id={`${listId}-${person.id}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={isSelected(person)}
                  className={`flex cursor-pointer items-center justify-between gap-2 px-3 py-2 text-sm ${index === active ? "bg-brand-50" : ""}`}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => toggle(person)}
                  onKeyDown={() => {}}
                >
                  <span>
                    <span className="font-medium">{person.label}</span>
                    {person.detail ? (
                      <span className="text-slate-600"> · {person.detail}</span>
                    ) : null}
                  </span>
                  {isSelected(person) ? (
                    <Check className="size-4 text-brand-700" aria-hidden />
                  ) : null}
                </div>
              ))
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
