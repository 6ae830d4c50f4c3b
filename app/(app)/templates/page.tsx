import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TemplateRecordSummary } from "@/components/interventions/template-record";
import { describeTemplate } from "@/components/templates/describe-template";
import { ShareTemplateButton } from "@/components/templates/share-template-button";
import { TemplateForm } from "@/components/templates/template-form";
import { Card, TierBadge } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import {
  mayEditTemplate,
  maySharePersonalTemplates,
  mayUseTemplates,
  newTemplateOwner,
} from "@/lib/domain/policy";
import type { TemplateStatsDto } from "@/lib/domain/templates/record";
import type { TemplateDto } from "@/lib/domain/templates/schemas";
import { contextFor, requireActor } from "@/lib/server/actor";
import {
  listSpecialistTemplates,
  type SpecialistTemplateDto,
} from "@/lib/use-cases/templates/list-specialist-templates";
import { listTemplateRecords } from "@/lib/use-cases/templates/template-record";
import { listTemplates } from "@/lib/use-cases/templates/templates";
import { createTemplateAction, updateTemplateAction } from "./actions";

export const metadata: Metadata = { title: "Templates" };

/**
 * Intervention templates (issue 12, Scenario 10): the district's library and the actor's own,
 * each with its record (listTemplateRecords), a link that starts a group from it, and the edit
 * form where the policy allows (lib/domain/policy/templates.ts → mayEditTemplate). Admins also
 * see the specialists' personal templates, each with "Share with the district". Teachers,
 * facilitators and families get a 404, as the use-cases refuse them anyway.
 */
export default async function TemplatesPage() {
  const actor = await requireActor();
  if (!mayUseTemplates(actor)) notFound();
  const ctx = contextFor(actor);
  const sharesTemplates = maySharePersonalTemplates(actor);
  const [{ items: templates }, { items: records, minStudentsToRank }, specialists] =
    await Promise.all([
      listTemplates(ctx),
      listTemplateRecords(ctx),
      sharesTemplates ? listSpecialistTemplates(ctx) : null,
    ]);
  const stats = new Map(records.map((r) => [r.templateId, r]));
  const district = templates.filter((t) => t.scope === "district");
  const personal = templates.filter((t) => t.scope === "personal");
  const createsDistrictTemplates = newTemplateOwner(actor) === null;

  const list = (items: (TemplateDto | SpecialistTemplateDto)[], empty: React.ReactNode) =>
    items.length === 0 ? (
      <Card>
        <p className="text-slate-700">{empty}</p>
      </Card>
    ) : (
      <ul className="space-y-4">
        {items.map((template) => (
          <li key={template.id}>
            <TemplateCard
              template={template}
              stats={stats.get(template.id)}
              editable={mayEditTemplate(actor, template)}
            >
              {"ownerName" in template ? (
                <ShareTemplateButton template={template} action={updateTemplateAction} />
              ) : null}
            </TemplateCard>
          </li>
        ))}
      </ul>
    );

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Templates</h1>
        <p className="max-w-3xl text-slate-700">
          Plans to start intervention groups from: the district's library, shared with every
          specialist, and your own. Each shows its record from the groups started from it, with the
          number of students behind every figure; templates are ranked by effect size only with at
          least {minStudentsToRank} students served.
        </p>
      </div>

      <Card>
        <details>
          <summary className="cursor-pointer font-semibold">New template</summary>
          <p className="my-3 text-sm text-slate-700">
            {createsDistrictTemplates
              ? "A template you create is the district's: every specialist can start a group from it."
              : "A template you create is yours: only you see it until a district admin shares it."}
          </p>
          <TemplateForm mode="create" action={createTemplateAction} />
        </details>
      </Card>

      <section aria-labelledby="district-templates" className="space-y-3">
        <h2 id="district-templates" className="text-xl font-semibold">
          District templates
        </h2>
        {list(district, "The district has no templates yet.")}
      </section>

      <section aria-labelledby="personal-templates" className="space-y-3">
        <h2 id="personal-templates" className="text-xl font-semibold">
          Your templates
        </h2>
        {list(
          personal,
          "None yet. Use “Save as template” on a group's page, or “New template” above.",
        )}
      </section>

      {specialists ? (
        <section aria-labelledby="specialist-templates" className="space-y-3">
          <h2 id="specialist-templates" className="text-xl font-semibold">
            Specialists' templates
          </h2>
          <p className="max-w-3xl text-slate-700">
            Plans the district's specialists keep for themselves. Share one that has worked, and it
            joins the district library for every specialist.
          </p>
          {list(specialists.items, "No specialist keeps a template of their own yet.")}
        </section>
      ) : null}
    </div>
  );
}

function TemplateCard({
  template,
  stats,
  editable,
  children,
}: {
  template: TemplateDto | SpecialistTemplateDto;
  stats: TemplateStatsDto | undefined;
  editable: boolean;
  /** What else may be done with it (an admin's "Share with the district"). */
  children?: React.ReactNode;
}) {
  const headingId = `template-${template.id}-heading`;
  return (
    <Card aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="text-lg font-semibold">
          {template.name}
        </h3>
        <TierBadge tier={template.tier} />
        <span className="text-sm text-slate-700">· {template.focusArea}</span>
        {"ownerName" in template ? (
          <span className="text-sm text-slate-700">· kept by {template.ownerName}</span>
        ) : null}
      </div>
      {template.description ? <p className="text-slate-700">{template.description}</p> : null}
      <div className="space-y-1 text-sm text-slate-700">
        <p>
          <span className="font-medium text-slate-900">Recommended:</span>{" "}
          {describeTemplate(template)}
        </p>
        {template.measure ? (
          <p>
            <span className="font-medium text-slate-900">Measure:</span> {template.measure.name}
            {template.goalValue != null
              ? `, goal ${template.goalValue}${template.measure.unit ? ` ${template.measure.unit}` : ""}`
              : ""}
            {template.goal ? ` (${template.goal})` : ""}
          </p>
        ) : null}
        {stats ? <TemplateRecordSummary stats={stats} /> : null}
      </div>
      <p>
        <TextLink href={`/interventions/new?templateId=${template.id}`}>
          Start a group from it<span className="sr-only"> — {template.name}</span>
        </TextLink>
      </p>
      {children}
      {editable ? (
        <details className="border-t border-slate-200 pt-3">
          <summary className="cursor-pointer font-medium text-slate-900">
            Edit this template
          </summary>
          <div className="mt-3">
            <TemplateForm mode="edit" action={updateTemplateAction} template={template} />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
