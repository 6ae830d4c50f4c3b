"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import type { TemplateScope } from "@/lib/domain/templates/schemas";
import type { ActionResult } from "@/lib/server/action";

type SaveAction = (
  values: unknown,
  interventionId: string,
) => Promise<ActionResult<{ id: string; name: string; scope: TemplateScope }>>;

/**
 * "Save as template" (Scenario 10: "specialists can save their own templates"): the group's plan
 * becomes a template a new group can start from on /interventions/new.
 */
export function SaveAsTemplate({
  action,
  interventionId,
  defaultName,
}: {
  action: SaveAction;
  interventionId: string;
  defaultName: string;
}) {
  const [name, setName] = useState(defaultName);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setOutcome(null);
    setNameError(undefined);
    const result = await action({ name }, interventionId);
    setSaving(false);
    if (result.ok) {
      setOutcome({
        ok: true,
        text:
          result.data.scope === "district"
            ? `Saved as the district template “${result.data.name}”.`
            : `Saved as your template “${result.data.name}”. Only you see it until an admin shares it.`,
      });
      return;
    }
    setNameError(result.fieldErrors.find((e) => e.path === "name")?.message);
    setOutcome({ ok: false, text: result.message });
  };

  return (
    <Card>
      <form onSubmit={save} noValidate className="space-y-3">
        <h2 className="font-semibold">Save as template</h2>
        <p className="text-sm text-slate-700">
          Keep this group&apos;s plan — tier, focus, duration, days, minutes, goal and measure — to
          start new groups from.
        </p>
        <div className="flex flex-wrap items-end gap-3">
          <InputField
            id="template-name"
            label="Template name"
            className="min-w-64 flex-1"
            value={name}
            error={nameError}
            onChange={(event) => setName(event.target.value)}
          />
          <Button type="submit" variant="secondary" disabled={saving}>
            {saving ? "Saving…" : "Save as template"}
          </Button>
        </div>
        <FormOutcome message={outcome} />
      </form>
    </Card>
  );
}
