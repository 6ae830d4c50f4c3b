/** The intervention form's schedule: start, weeks, days, time, length, room, and its plan. */

import { type Control, Controller, type UseFormRegister, type UseFormWatch } from "react-hook-form";
import { Card } from "@/components/ui/card";
import { FieldErrorText, InputField, SelectField } from "@/components/ui/field";
import { SCHOOL_WEEKDAYS } from "@/lib/domain/calendar/dates";
import type {
  InterventionFormInput,
  InterventionFormValues,
} from "@/lib/domain/interventions/form-schema";
import { WEEKDAY_LABELS } from "@/lib/domain/interventions/schemas";
import { describeFrequency, plannedSessionCount } from "@/lib/domain/schedule/generate-sessions";

// Monday to Friday: the domain's school week (lib/domain/calendar/dates.ts).
const SCHOOL_DAYS = SCHOOL_WEEKDAYS;

/**
 * The series is planned as the fields are filled in: "3 times per week, 30 minutes: 24 sessions
 * over 8 weeks", the count the server will schedule (before holidays extend it).
 */
export function ScheduleCard({
  register,
  control,
  watch,
  err,
  rooms,
}: {
  register: UseFormRegister<InterventionFormValues>;
  control: Control<InterventionFormValues, unknown, InterventionFormInput>;
  watch: UseFormWatch<InterventionFormValues>;
  err: (path: string) => string | undefined;
  rooms: { id: string; label: string }[];
}) {
  const days = watch("schedule.days") ?? [];
  const weeks = Number(watch("durationWeeks"));
  const minutes = Number(watch("schedule.minutes"));
  const sessionTotal = Number.isInteger(weeks) && weeks > 0 ? plannedSessionCount(weeks, days) : 0;

  return (
    <Card className="space-y-4">
      <h2 className="text-lg font-semibold">Schedule</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          id="startDate"
          label="Start date"
          error={err("startDate")}
          type="date"
          {...register("startDate")}
        />
        <InputField
          id="durationWeeks"
          label="Duration (weeks)"
          error={err("durationWeeks")}
          type="number"
          inputMode="numeric"
          min={1}
          max={40}
          {...register("durationWeeks")}
        />
      </div>
      <fieldset aria-describedby={err("schedule.days") ? "days-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Days of the week</legend>
        <Controller
          control={control}
          name="schedule.days"
          render={({ field }) => (
            <div className="mt-1 flex flex-wrap gap-2">
              {SCHOOL_DAYS.map((day) => {
                const checked = (field.value ?? []).includes(day);
                return (
                  <label
                    key={day}
                    className={`inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border px-3 ${checked ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}
                  >
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={() =>
                        field.onChange(
                          checked
                            ? field.value.filter((d) => d !== day)
                            : SCHOOL_DAYS.filter((d) => d === day || field.value.includes(d)),
                        )
                      }
                    />
                    {WEEKDAY_LABELS[day]}
                  </label>
                );
              })}
            </div>
          )}
        />
        {err("schedule.days") ? (
          <FieldErrorText id="days-error" message={err("schedule.days")!} />
        ) : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          id="startTime"
          label="Start time"
          error={err("schedule.startTime")}
          type="time"
          {...register("schedule.startTime")}
        />
        <InputField
          id="minutes"
          label="Minutes per session"
          error={err("schedule.minutes")}
          type="number"
          inputMode="numeric"
          min={5}
          max={240}
          {...register("schedule.minutes")}
        />
      </div>
      <p
        className="rounded-md bg-slate-100 p-3 text-sm"
        aria-live="polite"
        data-testid="session-plan"
      >
        {sessionTotal > 0 && days.length > 0 && minutes > 0
          ? `${describeFrequency({ days, minutes })}: ${sessionTotal} sessions over ${weeks} weeks. Holidays are skipped and the series extended.`
          : "Pick days, a duration and a session length to see the plan."}
      </p>
      <SelectField
        id="roomId"
        label="Room (optional)"
        error={err("roomId")}
        {...register("roomId", { setValueAs: (v: string) => (v === "" ? null : v) })}
      >
        <option value="">No room</option>
        {rooms.map((room) => (
          <option key={room.id} value={room.id}>
            {room.label}
          </option>
        ))}
      </SelectField>
    </Card>
  );
}
