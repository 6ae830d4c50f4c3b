"use client";

import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import type { TemplateDto } from "@/lib/domain/templates/schemas";

/** "8 weeks · 3 days a week · 30 min · groups of 3–6": what a template recommends, in one line. */
function describeTemplate(template: TemplateDto): string {
  const { min, max } = template.groupSize;
  const size =
    min != null && max != null
      ? `groups of ${min}–${max}`
      : max != null
        ? `groups of up to ${max}`
        : min != null
          ? `groups of ${min} or more`
          : null;
  return [
    `${template.durationWeeks} weeks`,
    `${template.daysPerWeek} ${template.daysPerWeek === 1 ? "day" : "days"} a week`,
    `${template.sessionMinutes} min`,
    size,
  ]
    .filter(Boolean)
    .join(" · ");
}

/**
 * "Start from a template" (Scenario 10): picking one pre-fills the form below, which stays
 * editable; the district's templates first, then the specialist's own.
 */
export function TemplatePicker({
  templates,
  selectedId,
  onPick,
}: {
  templates: TemplateDto[];
  selectedId: string | null;
  onPick: (template: TemplateDto | null) => void;
}) {
  const district = templates.filter((t) => t.scope === "district");
  const personal = templates.filter((t) => t.scope === "personal");
  const selected = templates.find((t) => t.id === selectedId) ?? null;
  return (
    <Card className="space-y-3">
      <SelectField
        id="templateId"
        label="Start from a template"
        hint="Fills in the plan below; change anything before you create the group."
        value={selectedId ?? ""}
        onChange={(event) => onPick(templates.find((t) => t.id === event.target.value) ?? null)}
      >
        <option value="">No template — start blank</option>
        {district.length > 0 ? (
          <optgroup label="District templates">
            {district.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {personal.length > 0 ? (
          <optgroup label="Your templates">
            {personal.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </optgroup>
        ) : null}
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
        </div>
      ) : null}
    </Card>
  );
}
