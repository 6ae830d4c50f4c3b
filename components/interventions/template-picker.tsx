"use client";

import { useState } from "react";
import { describeTemplate } from "@/components/templates/describe-template";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import type { TemplateStatsDto } from "@/lib/domain/templates/record";
import type { TemplateDto } from "@/lib/domain/templates/schemas";
import { TemplateRecordSummary, TemplateRecordTable } from "./template-record";

type Order = "name" | "effective";

/**
 * "Start from a template" (Scenario 10): picking one pre-fills the form below, which stays
 * editable; the district's templates first, then the specialist's own. Each template's record
 * (issue 12 item 4) is shown with its sample size; "most effective first" orders by effect
 * size only the templates with the district's minimum of students served
 * (lib/use-cases/templates/template-record.ts → listTemplateRecords), the rest after them.
 */
export function TemplatePicker({
  templates,
  records = [],
  selectedId,
  onPick,
}: {
  templates: TemplateDto[];
  /** Most effective first, as listTemplateRecords gives them. */
  records?: TemplateStatsDto[];
  selectedId: string | null;
  onPick: (template: TemplateDto | null) => void;
}) {
  const [order, setOrder] = useState<Order>("name");
  const stats = new Map(records.map((r) => [r.templateId, r]));
  const byId = new Map(templates.map((t) => [t.id, t]));
  const byEffect = records.flatMap((r) => {
    const template = byId.get(r.templateId);
    return template ? [template] : [];
  });
  // A template without a record (none should be) keeps a place at the end.
  const ordered = [...byEffect, ...templates.filter((t) => !stats.has(t.id))];
  const rankedTemplates = ordered.filter((t) => stats.get(t.id)?.rank != null);
  const unranked = ordered.filter((t) => stats.get(t.id)?.rank == null);
  const district = templates.filter((t) => t.scope === "district");
  const personal = templates.filter((t) => t.scope === "personal");
  const selected = templates.find((t) => t.id === selectedId) ?? null;
  const selectedStats = selected ? stats.get(selected.id) : undefined;
  const minimum = records[0]?.minStudentsToRank;
  const groups: { label: string; items: TemplateDto[] }[] =
    order === "effective"
      ? [
          { label: "Most effective first (by effect size)", items: rankedTemplates },
          {
            label: minimum
              ? `Too few students to compare (fewer than ${minimum}) or no effect size`
              : "Not ranked",
            items: unranked,
          },
        ]
      : [
          { label: "District templates", items: district },
          { label: "Your templates", items: personal },
        ];
  return (
    <Card className="space-y-3">
      {records.length > 0 ? (
        <SelectField
          id="templateOrder"
          label="Order templates"
          hint={
            minimum
              ? `Only templates with at least ${minimum} students served are ranked, by effect size (Hedges' g).`
              : undefined
          }
          value={order}
          onChange={(event) => setOrder(event.target.value === "effective" ? "effective" : "name")}
        >
          <option value="name">District, then yours, by name</option>
          <option value="effective">Most effective first</option>
        </SelectField>
      ) : null}
      <SelectField
        id="templateId"
        label="Start from a template"
        hint="Fills in the plan below; change anything before you create the group."
        value={selectedId ?? ""}
        onChange={(event) => onPick(templates.find((t) => t.id === event.target.value) ?? null)}
      >
        <option value="">No template — start blank</option>
        {groups.map((group) =>
          group.items.length > 0 ? (
            <optgroup key={group.label} label={group.label}>
              {group.items.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          ) : null,
        )}
      </SelectField>
      {selected ? (
        <div data-testid="template-summary" className="space-y-1 text-sm text-slate-700">
          <p>
            <span className="font-medium text-slate-900">Recommended:</span>{" "}
            {describeTemplate(selected)}
          </p>
          {selected.measure ? (
            <p>
              <span className="font-medium text-slate-900">Measure:</span> {selected.measure.name}
              {selected.goalValue != null
                ? `, goal ${selected.goalValue}${selected.measure.unit ? ` ${selected.measure.unit}` : ""}`
                : ""}
            </p>
          ) : null}
          {selected.resources.length > 0 ? (
            <p>
              <span className="font-medium text-slate-900">Resources:</span>{" "}
              {selected.resources.join(", ")}
            </p>
          ) : null}
          {selectedStats ? <TemplateRecordSummary stats={selectedStats} /> : null}
        </div>
      ) : null}
      {records.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-slate-900">
            Templates' record ({order === "effective" ? "most effective first" : "by name"})
          </summary>
          <TemplateRecordTable
            templates={order === "effective" ? ordered : [...district, ...personal]}
            stats={stats}
            onPick={onPick}
          />
        </details>
      ) : null}
    </Card>
  );
}
