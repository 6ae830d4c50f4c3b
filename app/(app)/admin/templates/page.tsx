import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isDistrictAdmin } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { listLetterTemplates } from "@/lib/use-cases/communications/list-letter-templates";
import { AdminPageHeader } from "../admin-page-header";
import { saveSettingsAction, saveTemplateAction } from "./actions";
import { LetterSettingsForm } from "./letter-settings-form";
import { TemplateEditor } from "./template-editor";

export const metadata: Metadata = { title: "Letter templates" };

export default async function TemplatesPage() {
  const actor = await requireActor();
  if (!isDistrictAdmin(actor)) notFound();
  const { districtName, settings, templates } = await listLetterTemplates(contextFor(actor));
  return (
    <div className="space-y-6">
      <AdminPageHeader title="Letter templates">
        The letters each guardian receives, in their language: the enrollment letter when their
        child joins an intervention, the tier change letter when the team changes the child's tier.
        Fields in double braces are filled in for each letter. A subject may name the district but
        never what the child needs: e-mail is not a secure channel. Each save is a new version;
        letters already written keep theirs.
      </AdminPageHeader>
      <LetterSettingsForm action={saveSettingsAction} current={settings} />
      {templates.map((template) => (
        <TemplateEditor
          key={`${template.kind}-${template.language}`}
          action={saveTemplateAction}
          template={template}
          districtName={districtName}
          optOut={settings.optOut}
        />
      ))}
    </div>
  );
}
