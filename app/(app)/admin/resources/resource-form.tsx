"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField, Options, SelectField, TextAreaField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { COST_MODELS, type CostModel, RESOURCE_KINDS } from "@/lib/domain/scheduling/kinds";
import { centsFromDollars, dollarsText } from "@/lib/domain/scheduling/money";
import { COST_FIELDS } from "@/lib/domain/scheduling/resource-schemas";
import type { ActionResult } from "@/lib/server/action";
import type { ResourceDto } from "@/lib/use-cases/resources/resource-dto";
import { COST_MODEL_LABELS, KIND_LABELS } from "./labels";

type Save = (values: unknown) => Promise<ActionResult<ResourceDto>>;

interface Draft {
  kind: string;
  name: string;
  description: string;
  quantity: string;
  location: string;
  schoolId: string;
  costModel: CostModel;
  purchase: string;
  usefulLifeYears: string;
  licence: string;
  perUse: string;
}

function draftOf(resource: ResourceDto | null): Draft {
  return {
    kind: resource?.kind ?? "curriculum",
    name: resource?.name ?? "",
    description: resource?.description ?? "",
    quantity: String(resource?.quantity ?? 1),
    location: resource?.location ?? "",
    schoolId: resource?.schoolId ?? "",
    costModel: resource?.costModel ?? "none",
    purchase: dollarsText(resource?.purchaseCents ?? null),
    usefulLifeYears: resource?.usefulLifeYears ? String(resource.usefulLifeYears) : "",
    licence: dollarsText(resource?.licenceCentsPerStudentYear ?? null),
    perUse: dollarsText(resource?.perUseCents ?? null),
  };
}

const wholeNumber = (text: string) => (text.trim() === "" ? null : Number(text));

/** The values the schema reads (lib/domain/scheduling/resource-schemas.ts): cents, not dollars. */
function valuesOf(draft: Draft) {
  return {
    kind: draft.kind,
    name: draft.name,
    description: draft.description || null,
    quantity: wholeNumber(draft.quantity),
    location: draft.location || null,
    schoolId: draft.schoolId || null,
    costModel: draft.costModel,
    purchaseCents: centsFromDollars(draft.purchase),
    usefulLifeYears: wholeNumber(draft.usefulLifeYears),
    licenceCentsPerStudentYear: centsFromDollars(draft.licence),
    perUseCents: centsFromDollars(draft.perUse),
  };
}

/**
 * Add a resource to the catalogue, or change one: kind, name, how many, where, and what it
 * costs by its cost model (only that model's prices are asked for). Prices are typed in
 * dollars and saved in cents; the server checks everything again.
 */
export function ResourceForm({
  resource,
  schools,
  create,
  update,
  onDone,
}: {
  resource: ResourceDto | null;
  schools: readonly { id: string; name: string }[];
  create: Save;
  update: (values: unknown, id: string) => Promise<ActionResult<ResourceDto>>;
  onDone: (saved: ResourceDto) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(resource));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = resource ? `resource-${resource.id}` : "resource-new";
  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: event.target.value }));
  const asks = new Set(COST_FIELDS[draft.costModel]);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const values = valuesOf(draft);
    const result = resource ? await update(values, resource.id) : await create(values);
    setBusy(false);
    if (result.ok) {
      setErrors({});
      setOutcome({ ok: true, text: `Saved ${result.data.name}.` });
      onDone(result.data);
      if (!resource) setDraft(draftOf(null));
      return;
    }
    setErrors(Object.fromEntries(result.fieldErrors.map((e) => [e.path, e.message])));
    setOutcome({ ok: false, text: result.message });
  };

  return (
    <form
      onSubmit={save}
      className="space-y-4"
      aria-label={resource ? `Edit ${resource.name}` : "Add a resource"}
    >
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField
          id={`${id}-kind`}
          label="Kind"
          value={draft.kind}
          onChange={set("kind")}
          error={errors.kind}
        >
          <Options items={RESOURCE_KINDS} label={(k) => KIND_LABELS[k]} />
        </SelectField>
        <InputField
          id={`${id}-name`}
          label="Name"
          value={draft.name}
          onChange={set("name")}
          error={errors.name}
          className="md:col-span-2"
          required
        />
        <InputField
          id={`${id}-quantity`}
          label="Quantity"
          hint="How many can be in use at the same time."
          inputMode="numeric"
          value={draft.quantity}
          onChange={set("quantity")}
          error={errors.quantity}
        />
        <InputField
          id={`${id}-location`}
          label="Location"
          value={draft.location}
          onChange={set("location")}
          error={errors.location}
        />
        <SelectField
          id={`${id}-school`}
          label="School"
          value={draft.schoolId}
          onChange={set("schoolId")}
          error={errors.schoolId}
        >
          <option value="">District-wide</option>
          <Options items={schools} label={(s) => s.name} />
        </SelectField>
      </div>
      <TextAreaField
        id={`${id}-description`}
        label="Description"
        rows={2}
        value={draft.description}
        onChange={set("description")}
        error={errors.description}
      />
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField
          id={`${id}-cost-model`}
          label="Cost model"
          value={draft.costModel}
          onChange={set("costModel")}
          error={errors.costModel}
        >
          <Options items={COST_MODELS} label={(m) => COST_MODEL_LABELS[m]} />
        </SelectField>
        {asks.has("purchaseCents") ? (
          <InputField
            id={`${id}-purchase`}
            label="Purchase price per unit ($)"
            inputMode="decimal"
            value={draft.purchase}
            onChange={set("purchase")}
            error={errors.purchaseCents}
          />
        ) : null}
        {asks.has("usefulLifeYears") ? (
          <InputField
            id={`${id}-life`}
            label="Useful life (years)"
            inputMode="numeric"
            value={draft.usefulLifeYears}
            onChange={set("usefulLifeYears")}
            error={errors.usefulLifeYears}
          />
        ) : null}
        {asks.has("licenceCentsPerStudentYear") ? (
          <InputField
            id={`${id}-licence`}
            label="Licence per student per year ($)"
            inputMode="decimal"
            value={draft.licence}
            onChange={set("licence")}
            error={errors.licenceCentsPerStudentYear}
          />
        ) : null}
        {asks.has("perUseCents") ? (
          <InputField
            id={`${id}-per-use`}
            label="Cost per use ($)"
            hint="Per unit, each session."
            inputMode="decimal"
            value={draft.perUse}
            onChange={set("perUse")}
            error={errors.perUseCents}
          />
        ) : null}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={busy}>
          {resource ? "Save changes" : "Add resource"}
        </Button>
        <FormOutcome message={outcome} />
      </div>
    </form>
  );
}
