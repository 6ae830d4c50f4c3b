import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InterventionForm } from "@/components/interventions/intervention-form";
import { canCreateIntervention } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { prepareNewIntervention } from "@/lib/use-cases/interventions/prepare-new-intervention";
import { createInterventionAction } from "./actions";

export const metadata: Metadata = { title: "New intervention" };

export default async function NewInterventionPage() {
  const actor = await requireActor();
  if (!canCreateIntervention(actor)) notFound();
  const prepared = await prepareNewIntervention(contextFor(actor));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-2xl font-bold">New intervention</h1>
        <p className="text-slate-700">
          Plan the group, its schedule and who is in it. Sessions are placed on the calendar for
          you, skipping days without school.
        </p>
      </div>
      <InterventionForm
        action={createInterventionAction}
        rooms={prepared.rooms}
        initialFacilitators={prepared.defaultFacilitator ? [prepared.defaultFacilitator] : []}
        defaults={{
          name: "",
          tier: 2,
          focusArea: "",
          goal: "",
          description: "",
          startDate: prepared.nextMonday,
          durationWeeks: 8,
          schedule: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: 30 },
          facilitatorIds: prepared.defaultFacilitator ? [prepared.defaultFacilitator.id] : [],
          roomId: null,
          studentIds: [],
        }}
      />
    </div>
  );
}
