"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import type { PickedPerson } from "@/components/people/person-picker";
import { ScheduleConflicts } from "@/components/scheduling/schedule-conflicts";
import { useScheduleCheck } from "@/components/scheduling/use-schedule-check";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-outcome";
import type { FieldError } from "@/lib/domain/errors";
import {
  type InterventionFormInput,
  type InterventionFormValues,
  interventionFormSchema,
  interventionUpdateBody,
} from "@/lib/domain/interventions/form-schema";
import type { Alternative } from "@/lib/domain/scheduling/alternatives";
import {
  alternativeToFormValues,
  mayOverride,
  type ScheduleCheckResult,
  scheduleCheckFromDetails,
  scheduleCheckRequest,
} from "@/lib/domain/scheduling/conflict-view";
import { templateToFormValues } from "@/lib/domain/templates/prefill";
import type { TemplateStatsDto } from "@/lib/domain/templates/record";
import type { TemplateDto } from "@/lib/domain/templates/schemas";
import type { ActionResult } from "@/lib/server/action";
import { PeopleCard } from "./people-card";
import { PlanCard } from "./plan-card";
import { type ResourceChoice, ResourcesCard } from "./resources-card";
import { ScheduleCard } from "./schedule-card";
import { TemplatePicker } from "./template-picker";

type SaveResult = ActionResult<{ id: string }>;

/** Create: the action takes the values and the form's idempotency key. */
interface CreateMode {
  mode?: "create";
  action: (values: unknown, idempotencyKey: string) => Promise<SaveResult>;
}

/** Edit: the action takes the changed fields (with the version read) and the group's id. */
interface EditMode {
  mode: "edit";
  action: (values: unknown, interventionId: string) => Promise<SaveResult>;
  interventionId: string;
  /** The group's version as read: a save over someone else's newer change is refused. */
  version: number;
}

/**
 * The planning form, for a new group and for editing one (issue 10): the same fields, the same
 * live conflict check (components/scheduling/use-schedule-check.ts) and the same panel of
 * conflicts and alternatives, shown again when a save is refused with a 409.
 */
export function InterventionForm({
  defaults,
  initialStudents = [],
  initialFacilitators = [],
  rooms,
  resources = [],
  templates = [],
  templateRecords = [],
  ...mode
}: (CreateMode | EditMode) & {
  defaults: InterventionFormValues;
  initialStudents?: PickedPerson[];
  initialFacilitators?: PickedPerson[];
  rooms: { id: string; label: string }[];
  /** The district's active resources to pick from. */
  resources?: ResourceChoice[];
  /** The templates the planner may start from (lib/use-cases/templates/templates.ts). */
  templates?: TemplateDto[];
  /** Their records, most effective first (lib/use-cases/templates/template-record.ts). */
  templateRecords?: TemplateStatsDto[];
}) {
  const editing = mode.mode === "edit";
  const interventionId = mode.mode === "edit" ? mode.interventionId : undefined;
  const router = useRouter();
  // One key per opened form: a double click or a retry after a timeout creates one group.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [formError, setFormError] = useState<string | null>(null);
  const [overrideReason, setOverrideReason] = useState("");
  const [overrideError, setOverrideError] = useState<string | undefined>();
  // A refused save's conflicts, with the plan they were found for.
  const [refused, setRefused] = useState<{ plan: string; check: ScheduleCheckResult } | null>(null);
  const {
    register,
    handleSubmit,
    control,
    watch,
    setValue,
    setError,
    getValues,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<InterventionFormValues, unknown, InterventionFormInput>({
    resolver: zodResolver(interventionFormSchema),
    defaultValues: defaults,
  });
  // The group as it was read, to send only what an edit changes.
  const before = useMemo(() => interventionFormSchema.safeParse(defaults), [defaults]);

  const templateId = watch("templateId") ?? null;
  // A template fills the plan's fields over what is typed; the date, time, people and room stay.
  const pickTemplate = (template: TemplateDto | null) => {
    const current = getValues();
    if (template)
      reset(
        { ...current, ...templateToFormValues(template, current) },
        { keepDefaultValues: true },
      );
    else setValue("templateId", null);
  };

  const plan = scheduleCheckRequest(watch(), interventionId);
  const planKey = plan ? JSON.stringify(plan) : null;
  const live = useScheduleCheck(plan);
  // The save's answer stands until the plan changes; then the live check speaks again.
  const shown = refused && refused.plan === planKey ? refused.check : live.result;

  const pickAlternative = (alternative: Alternative) => {
    const values = alternativeToFormValues(alternative);
    const options = { shouldDirty: true, shouldValidate: true } as const;
    setValue("schedule.days", values.days, options);
    setValue("schedule.startTime", values.startTime, options);
    setValue("roomId", values.roomId, options);
    setOverrideReason("");
  };

  const onSubmit = async (values: InterventionFormInput) => {
    setFormError(null);
    setOverrideError(undefined);
    const reason = shown && mayOverride(shown) ? overrideReason.trim() : "";
    let result: SaveResult;
    if (mode.mode === "edit") {
      const body = before.success
        ? interventionUpdateBody(before.data, values, mode.version, reason)
        : { ...values, version: mode.version, ...(reason ? { override: { reason } } : {}) };
      result = await mode.action(body, mode.interventionId);
    } else {
      result = await mode.action(
        reason ? { ...values, override: { reason } } : values,
        idempotencyKey,
      );
    }
    if (result.ok) {
      router.push(
        mode.mode === "edit"
          ? `/interventions/${result.data.id}?updated=1`
          : `/interventions/${result.data.id}?created=1`,
      );
      return;
    }
    const check = scheduleCheckFromDetails(result.details);
    if (check && check.conflicts.length > 0) {
      setRefused({ plan: planKey ?? "", check });
      setFormError(
        mayOverride(check)
          ? "Not saved: the schedule has conflicts. Pick an alternative, change the plan, or give a reason to save anyway."
          : "Not saved: the schedule has conflicts. Pick an alternative or change the plan.",
      );
      if (reason === "" && mayOverride(check) && overrideReason.trim() === "")
        setOverrideError("Give a reason to save over these conflicts.");
    } else {
      setFormError(result.message);
    }
    for (const error of result.fieldErrors) applyServerError(error);
  };

  const applyServerError = (error: FieldError) => {
    const top = error.path.split(".")[0] as keyof InterventionFormValues;
    if (top === "schedule") setError(error.path as "schedule.days", { message: error.message });
    else if (top === "resources") setError(error.path as "resources", { message: error.message });
    else if (top in defaults || top === "roomId" || top === "templateId")
      setError(top, { message: error.message });
  };

  const err = (path: string): string | undefined => {
    const parts = path.split(".");
    let node: unknown = errors;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    return (node as { message?: string } | undefined)?.message;
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-6">
      <FormError message={formError} />

      {!editing && templates.length > 0 ? (
        <TemplatePicker
          templates={templates}
          records={templateRecords}
          selectedId={templateId}
          onPick={pickTemplate}
        />
      ) : null}

      <PlanCard register={register} err={err} chooseTier={!editing} />

      <ScheduleCard register={register} control={control} watch={watch} err={err} rooms={rooms} />

      {editing ? (
        <p className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-700">
          Changing the schedule, dates or room moves the sessions still to come; sessions already
          held are never touched.
        </p>
      ) : null}

      <PeopleCard
        initialStudents={initialStudents}
        initialFacilitators={initialFacilitators}
        setValue={setValue}
        err={err}
        showStudents={!editing}
      />

      <ResourcesCard control={control} register={register} err={err} choices={resources} />

      <ScheduleConflicts
        result={shown}
        checking={live.checking}
        error={live.error}
        waitingFor={
          plan
            ? null
            : "Fill in the start date, days, start time, minutes and a facilitator to check for conflicts."
        }
        onPick={pickAlternative}
        overrideReason={overrideReason}
        onOverrideReasonChange={(reason) => {
          setOverrideReason(reason);
          setOverrideError(undefined);
        }}
        overrideError={overrideError}
      />

      <div className="flex flex-wrap justify-end gap-3">
        {editing ? (
          <Button variant="secondary" onClick={() => router.back()}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" disabled={isSubmitting}>
          {editing
            ? isSubmitting
              ? "Saving…"
              : "Save changes"
            : isSubmitting
              ? "Creating…"
              : "Create intervention"}
        </Button>
      </div>
    </form>
  );
}
