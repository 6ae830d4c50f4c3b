"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-outcome";
import type { ActionResult } from "@/lib/server/action";
import type { BellScheduleImportResult } from "@/lib/use-cases/scheduling/import-bell-schedule";

type ImportAction = (values: unknown) => Promise<ActionResult<BellScheduleImportResult>>;

/** Upload a bell schedule CSV: either every school it names is replaced, or the bad rows are listed. */
export function BellScheduleUpload({ action }: { action: ImportAction }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<BellScheduleImportResult | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError("Choose a CSV file first.");
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    const outcome = await action({ name: file.name, content: await file.text() });
    setBusy(false);
    if (!outcome.ok) {
      setError([outcome.message, ...outcome.fieldErrors.map((e) => e.message)].join(" "));
      return;
    }
    setResult(outcome.data);
    if (outcome.data.ok) router.refresh();
  };

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <FormError message={error} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="bell-schedule-file" className="block text-sm font-medium text-slate-800">
            Bell schedule (CSV)
          </label>
          <input
            id="bell-schedule-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="block text-sm"
          />
        </div>
        <Button type="submit" disabled={busy}>
          {busy ? "Importing…" : "Upload bell schedule"}
        </Button>
      </div>
      {result?.ok ? (
        <div
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm"
        >
          <p className="font-medium text-emerald-900">{result.file}: bell schedule imported.</p>
          <ul className="list-disc pl-5">
            {result.schools.map((s) => (
              <li key={s.schoolId}>
                {s.name}: {s.after} periods (were {s.before})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result && !result.ok ? (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
        >
          <p className="font-medium">
            {result.file}: nothing was imported. Fix these rows and upload it again:
          </p>
          <ul className="list-disc pl-5" data-testid="bell-schedule-rejected">
            {result.rejected.map((row) => (
              <li key={`${row.line}-${row.reason}`}>
                {row.file}:{row.line} — {row.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
