"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-outcome";
import type { ActionResult } from "@/lib/server/action";

type SaveWeek = (values: unknown) => Promise<ActionResult<unknown>>;

const DAYS = [
  ["MO", "Monday"],
  ["TU", "Tuesday"],
  ["WE", "Wednesday"],
  ["TH", "Thursday"],
  ["FR", "Friday"],
] as const;

/** A staff member's week: a start and an end per school day; a day left empty is a day off. */
export function WeekHoursForm({
  staffId,
  initial,
  action,
}: {
  staffId: string;
  initial: Partial<Record<string, { startTime: string; endTime: string }>>;
  action: SaveWeek;
}) {
  const router = useRouter();
  const [week, setWeek] = useState(() =>
    DAYS.map(([weekday]) => ({
      weekday,
      startTime: initial[weekday]?.startTime ?? "",
      endTime: initial[weekday]?.endTime ?? "",
    })),
  );
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  const set = (i: number, field: "startTime" | "endTime", value: string) => {
    setWeek((w) => w.map((d, j) => (j === i ? { ...d, [field]: value } : d)));
    setStatus("");
  };
  const fill = () => setWeek((w) => w.map((d) => ({ ...d, ...week[0], weekday: d.weekday })));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    const result = await action({ staffId, days: week });
    setBusy(false);
    if (!result.ok) {
      const byDay: Record<number, string> = {};
      for (const e of result.fieldErrors) {
        const match = /^days\.(\d+)/.exec(e.path);
        if (match) byDay[Number(match[1])] ??= e.message;
      }
      setErrors(byDay);
      setFormError(result.message);
      return;
    }
    setStatus("Working hours saved.");
    router.refresh();
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <FormError message={formError} />
      <table className="text-sm">
        <caption className="sr-only">Working hours</caption>
        <thead>
          <tr>
            <th className="pr-3 text-left">Day</th>
            <th className="pr-3 text-left">From</th>
            <th className="pr-3 text-left">To</th>
          </tr>
        </thead>
        <tbody>
          {DAYS.map(([code, name], i) => (
            <tr key={code}>
              <th scope="row" className="pr-3 text-left font-normal">
                {name}
              </th>
              <td className="pr-3">
                <input
                  type="time"
                  aria-label={`${name} from`}
                  className={inputClasses}
                  value={week[i]!.startTime}
                  onChange={(e) => set(i, "startTime", e.target.value)}
                />
              </td>
              <td className="pr-3">
                <input
                  type="time"
                  aria-label={`${name} to`}
                  aria-invalid={errors[i] ? true : undefined}
                  className={inputClasses}
                  value={week[i]!.endTime}
                  onChange={(e) => set(i, "endTime", e.target.value)}
                />
              </td>
              <td className="text-red-700" role={errors[i] ? "alert" : undefined}>
                {errors[i] ?? ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save working hours"}
        </Button>
        <Button variant="ghost" onClick={fill}>
          Same as Monday every day
        </Button>
        <span role="status" className="text-sm text-emerald-800">
          {status}
        </span>
      </div>
    </form>
  );
}
