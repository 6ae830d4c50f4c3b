import type { TemplateDto } from "@/lib/domain/templates/schemas";

/** "8 weeks · 3 days a week · 30 min · groups of 3–6": what a template recommends, in one line. */
export function describeTemplate(template: TemplateDto): string {
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
