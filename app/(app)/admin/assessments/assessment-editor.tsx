"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClasses, Options } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { WINDOW_LABELS } from "@/lib/domain/reports/assessment-catalogue";
import { SCREENING_WINDOWS } from "@/lib/domain/screening";
import type { ActionResult } from "@/lib/server/action";
import type { AssessmentDto } from "@/lib/use-cases/assessments/list-assessments";

interface CutRow {
  window: string;
  grade: string;
  tier1Min: string;
  tier2Min: string;
}

const toRow = (c: AssessmentDto["cutScores"][number]): CutRow => ({
  window: c.window ?? "",
  grade: c.grade === "0" ? "K" : (c.grade ?? ""),
  tier1Min: String(c.tier1Min),
  tier2Min: String(c.tier2Min),
});

/** A text input inside its label, the editor's compact layout; the rest of the props go to it. */
function LabelledInput({
  label,
  className = "space-y-1 text-sm font-medium",
  set,
  ...input
}: {
  label: string;
  className?: string;
  /** Called with the input's new value. */
  set: (value: string) => void;
} & Omit<React.ComponentProps<"input">, "className" | "onChange">) {
  return (
    <label className={className}>
      {label}
      <input className={inputClasses} onChange={(e) => set(e.target.value)} {...input} />
    </label>
  );
}

/** One assessment of the catalogue (or a new one): name, subject, scale, cut scores. */
export function AssessmentEditor({
  action,
  assessment,
}: {
  action: (values: unknown, id: string | null) => Promise<ActionResult<AssessmentDto>>;
  assessment: AssessmentDto | null;
}) {
  const [name, setName] = useState(assessment?.name ?? "");
  const [subject, setSubject] = useState(assessment?.subject ?? "");
  const [scaleMin, setScaleMin] = useState(String(assessment?.scaleMin ?? 0));
  const [scaleMax, setScaleMax] = useState(String(assessment?.scaleMax ?? 100));
  const [rows, setRows] = useState<CutRow[]>(assessment?.cutScores.map(toRow) ?? []);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const key = assessment?.id ?? "new";

  const update = (i: number, patch: Partial<CutRow>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await action(
      {
        name,
        subject,
        scaleMin,
        scaleMax,
        cutScores: rows.map((r) => ({
          window: r.window || null,
          grade: r.grade || null,
          tier1Min: r.tier1Min,
          tier2Min: r.tier2Min,
        })),
      },
      assessment?.id ?? null,
    );
    setBusy(false);
    if (result.ok) {
      setMessage({ ok: true, text: "Saved." });
      if (!assessment) {
        setName("");
        setSubject("");
        setRows([]);
      }
    } else {
      setMessage({
        ok: false,
        text: [result.message, ...result.fieldErrors.map((e) => `${e.path}: ${e.message}`)].join(
          " ",
        ),
      });
    }
  };

  return (
    <Card>
      <form
        onSubmit={save}
        className="space-y-3"
        aria-label={assessment ? `Edit ${assessment.name}` : "Add an assessment"}
      >
        <h3 className="font-semibold">{assessment ? assessment.name : "Add an assessment"}</h3>
        <div className="grid gap-3 sm:grid-cols-4">
          <LabelledInput
            label="Name"
            className="space-y-1 text-sm font-medium sm:col-span-2"
            value={name}
            set={setName}
            required
          />
          <LabelledInput
            label="Subject"
            value={subject}
            set={setSubject}
            placeholder="Reading"
            required
          />
          <div className="grid grid-cols-2 gap-2">
            <LabelledInput label="Lowest" inputMode="decimal" value={scaleMin} set={setScaleMin} />
            <LabelledInput label="Highest" inputMode="decimal" value={scaleMax} set={setScaleMax} />
          </div>
        </div>
        <fieldset>
          <legend className="text-sm font-medium">
            Cut scores (lowest score of Tier 1 and of Tier 2)
          </legend>
          {rows.length === 0 ? (
            <p className="text-sm text-slate-600">None: the defaults apply (50 / 30).</p>
          ) : null}
          <ul className="mt-1 space-y-2">
            {rows.map((row, i) => (
              // Rows have no identity of their own; their position is what the form edits.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={`${key}-${i}`} className="grid grid-cols-2 items-end gap-2 sm:grid-cols-5">
                <label className="space-y-1 text-sm">
                  Window
                  <select
                    className={inputClasses}
                    value={row.window}
                    onChange={(e) => update(i, { window: e.target.value })}
                  >
                    <option value="">Any window</option>
                    <Options items={SCREENING_WINDOWS} label={(w) => WINDOW_LABELS[w]} />
                  </select>
                </label>
                <LabelledInput
                  label="Grade"
                  className="space-y-1 text-sm"
                  value={row.grade}
                  placeholder="Any"
                  set={(v) => update(i, { grade: v })}
                />
                {(["tier1Min", "tier2Min"] as const).map((cut, t) => (
                  <LabelledInput
                    key={cut}
                    label={`Tier ${t + 1} from`}
                    className="space-y-1 text-sm"
                    inputMode="decimal"
                    value={row[cut]}
                    set={(v) => update(i, { [cut]: v })}
                  />
                ))}
                <Button
                  variant="ghost"
                  onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
          <Button
            variant="secondary"
            className="mt-2"
            onClick={() =>
              setRows((all) => [...all, { window: "", grade: "", tier1Min: "50", tier2Min: "30" }])
            }
          >
            Add cut scores
          </Button>
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={busy}>
            {assessment ? "Save" : "Add assessment"}
          </Button>
          <FormOutcome message={message} className="text-sm" />
        </div>
      </form>
    </Card>
  );
}
