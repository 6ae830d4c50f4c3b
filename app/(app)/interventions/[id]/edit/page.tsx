import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InterventionForm } from "@/components/interventions/intervention-form";
import type { InterventionFormValues } from "@/lib/domain/interventions/form-schema";
import { canManageIntervention } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { prepareEditIntervention } from "@/lib/use-cases/interventions/prepare-edit-intervention";
import { listScheduleOptions } from "@/lib/use-cases/scheduling/list-schedule-options";
import { updateInterventionAction } from "./actions";

export const metadata: Metadata = { title: "Edit intervention" };

/**
 * Edit a group (issue 10): the create form, prefilled, in its edit mode. Only those who manage
 * interventions (lib/domain/policy → canManageIntervention) reach it; a group the viewer cannot
 * see is the 404 page, as the group page is.
 */
export default async function EditInterventionPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const id = idParam((await params).id);
  const actor = await requireActor();
  if (!canManageIntervention(actor)) notFound();
  const ctx = contextFor(actor);
  const [prepared, options] = await Promise.all([
    orNotFound(prepareEditIntervention(ctx, id)),
    listScheduleOptions(ctx),
  ]);
  const { intervention } = prepared;
  const closed = intervention.status === "completed" || intervention.status === "cancelled";
  const defaults = {
    name: intervention.name,
    tier: intervention.tier,
    focusArea: intervention.focusArea,
    goal: intervention.goal ?? "",
    description: intervention.description ?? "",
    startDate: intervention.startDate,
    durationWeeks: intervention.durationWeeks,
    schedule: intervention.schedule,
    facilitatorIds: intervention.facilitatorIds,
    roomId: intervention.roomId,
    studentIds: prepared.activeStudentIds,
    resources: prepared.resources,
    templateId: intervention.templateId,
  } satisfies InterventionFormValues;

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <p className="text-sm">
          <Link href={`/interventions/${id}`} className="text-brand-700 underline">
            Back to {intervention.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Edit {intervention.name}</h1>
        <p className="text-slate-700">
          Change the plan, its schedule, dates, room, facilitators and resources. Every change is
          checked for conflicts and kept in the audit trail.
        </p>
      </div>
      {closed ? (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          This intervention is {intervention.status}: its sessions are no longer scheduled.
        </p>
      ) : null}
      <InterventionForm
        mode="edit"
        action={updateInterventionAction}
        interventionId={id}
        version={intervention.version}
        rooms={options.rooms}
        resources={options.resources}
        initialFacilitators={prepared.facilitators}
        defaults={defaults}
      />
    </div>
  );
}
