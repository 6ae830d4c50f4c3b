import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InterventionForm } from "@/components/interventions/intervention-form";
import { studentOption } from "@/components/interventions/student-option";
import type { InterventionFormValues } from "@/lib/domain/interventions/form-schema";
import { canCreateIntervention } from "@/lib/domain/policy";
import { interventionPrefillSchema } from "@/lib/domain/reports/at-risk";
import { templateToFormValues } from "@/lib/domain/templates/prefill";
import { contextFor, requireActor } from "@/lib/server/actor";
import { prepareNewIntervention } from "@/lib/use-cases/interventions/prepare-new-intervention";
import { listScheduleOptions } from "@/lib/use-cases/scheduling/list-schedule-options";
import { studentOptions } from "@/lib/use-cases/students/student-options";
import { listTemplateRecords } from "@/lib/use-cases/templates/template-record";
import { listTemplates } from "@/lib/use-cases/templates/templates";
import { createInterventionAction } from "./actions";

export const metadata: Metadata = { title: "New intervention" };

type Params = Record<string, string | string[] | undefined>;

/**
 * The create form; from the at-risk report it opens prefilled (`?studentIds=…&tier=…&focusArea=…`)
 * with the students picked there, the highest tier they need and the assessment's subject.
 * `?templateId=…` opens it filled from that template (Scenario 10); the picker on the form does
 * the same in the browser.
 */
export default async function NewInterventionPage({
  searchParams,
}: {
  searchParams: Promise<Params>;
}) {
  const actor = await requireActor();
  if (!canCreateIntervention(actor)) notFound();
  const ctx = contextFor(actor);
  const raw = await searchParams;
  const first = (key: string) => (Array.isArray(raw[key]) ? raw[key][0] : raw[key]);
  const prefill = interventionPrefillSchema.parse({
    studentIds: first("studentIds"),
    tier: first("tier"),
    focusArea: first("focusArea"),
  });
  const [prepared, options, picked, { items: templates }, { items: templateRecords }] =
    await Promise.all([
      prepareNewIntervention(ctx),
      listScheduleOptions(ctx),
      studentOptions(ctx, prefill.studentIds),
      listTemplates(ctx),
      listTemplateRecords(ctx),
    ]);
  const tier = prefill.tier ?? 2;
  const startingTemplate = templates.find((t) => t.id === first("templateId"));
  const blank = {
    name: prefill.focusArea ? `${prefill.focusArea} Group - Tier ${tier}` : "",
    tier,
    focusArea: prefill.focusArea ?? "",
    goal: "",
    description: "",
    startDate: prepared.nextMonday,
    durationWeeks: 8,
    schedule: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: 30 },
    facilitatorIds: prepared.defaultFacilitator ? [prepared.defaultFacilitator.id] : [],
    roomId: null,
    studentIds: picked.map((student) => student.id),
    resources: [],
  } satisfies InterventionFormValues;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-2xl font-bold">New intervention</h1>
        <p className="text-slate-700">
          Plan the group, its schedule and who is in it. Sessions are placed on the calendar for
          you, skipping days without school.
        </p>
      </div>
      {picked.length > 0 ? (
        <p
          role="status"
          className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm text-brand-900"
        >
          Prefilled from the at-risk report: {picked.length}{" "}
          {picked.length === 1 ? "student" : "students"}, Tier {tier}
          {prefill.focusArea ? `, ${prefill.focusArea}` : ""}. Check the schedule and the
          facilitator, then create.
        </p>
      ) : null}
      <InterventionForm
        action={createInterventionAction}
        rooms={options.rooms}
        resources={options.resources}
        initialFacilitators={prepared.defaultFacilitator ? [prepared.defaultFacilitator] : []}
        initialStudents={picked.map((student) => studentOption(student))}
        templates={templates}
        templateRecords={templateRecords}
        defaults={startingTemplate ? templateToFormValues(startingTemplate, blank) : blank}
      />
    </div>
  );
}
