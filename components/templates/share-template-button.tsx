"use client";

import { TwoStepButton } from "@/components/ui/two-step-button";
import type { ActionResult } from "@/lib/server/action";

type ShareAction = (
  values: { shareWithDistrict: true; version: number },
  templateId: string,
) => Promise<ActionResult<{ id: string; name: string }>>;

/**
 * "Share with the district" on a specialist's template (admins, /templates), in two steps: once
 * shared, every specialist of the district sees the template and only admins change it.
 */
export function ShareTemplateButton({
  template,
  action,
}: {
  template: { id: string; name: string; version: number };
  action: ShareAction;
}) {
  return (
    <TwoStepButton
      label={
        <>
          Share with the district<span className="sr-only"> — {template.name}</span>
        </>
      }
      explanation={`Every specialist of the district will see “${template.name}” and can start groups from it; from then on only admins change it.`}
      confirmLabel={`Yes, share “${template.name}”`}
      cancelLabel="Not now"
      act={() => action({ shareWithDistrict: true, version: template.version }, template.id)}
    />
  );
}
