"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import type { FieldError } from "@/lib/domain/errors";
import type { ActionResult } from "@/lib/server/action";

type Action<T> = (values: unknown, id: string) => Promise<ActionResult<T>>;

/** One small form behind a disclosure: fields, a reason, and the server's answer. */
function ActionForm<T>({
  title,
  submitLabel,
  fields,
  action,
  targetId,
  onDone,
  extra = {},
  variant = "secondary",
}: {
  title: string;
  /** Sent with the fields, not shown (e.g. which session a make-up is for). */
  extra?: Record<string, string>;
  submitLabel: string;
  fields: { name: string; label: string; type?: string; initial?: string }[];
  action: Action<T>;
  targetId: string;
  onDone: (data: T) => void;
  variant?: "secondary" | "danger";
}) {
  const prefix = useId();
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ""])),
  );
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [pending, setPending] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    const result = await action({ ...values, ...extra }, targetId);
    setPending(false);
    if (result.ok) {
      setMessage(null);
      setErrors([]);
      onDone(result.data);
      return;
    }
    setMessage(result.message);
    setErrors(result.fieldErrors);
  };

  return (
    <details className="rounded-md border border-slate-200 bg-white p-3">
      <summary className="cursor-pointer font-medium">{title}</summary>
      <form onSubmit={submit} noValidate className="mt-3 space-y-3">
        {fields.map((field) => {
          const error = errors.find((e) => e.path === field.name)?.message;
          const id = `${prefix}-${field.name}`;
          return (
            <Field key={field.name} id={id} label={field.label} error={error}>
              <input
                id={id}
                type={field.type ?? "text"}
                className={inputClasses}
                value={values[field.name] ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
              />
            </Field>
          );
        })}
        {message ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {message}
          </p>
        ) : null}
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </form>
    </details>
  );
}

/** Cancel or move a session that has not happened, or add a make-up for a cancelled one. */
export function SessionActions({
  sessionId,
  interventionId,
  status,
  date,
  startTime,
  today,
  cancelAction,
  rescheduleAction,
  makeupAction,
}: {
  sessionId: string;
  interventionId: string;
  status: "scheduled" | "held" | "cancelled";
  date: string;
  startTime: string;
  today: string;
  cancelAction: Action<unknown>;
  rescheduleAction: Action<unknown>;
  makeupAction: Action<{ id: string }>;
}) {
  const router = useRouter();
  return (
    <div className="space-y-2">
      {status === "scheduled" ? (
        <>
          <ActionForm
            title="Reschedule this session"
            submitLabel="Move session"
            targetId={sessionId}
            action={rescheduleAction}
            fields={[
              {
                name: "date",
                label: "New date",
                type: "date",
                initial: date < today ? today : date,
              },
              { name: "startTime", label: "Start time", type: "time", initial: startTime },
              { name: "reason", label: "Reason" },
            ]}
            onDone={() => router.refresh()}
          />
          <ActionForm
            title="Cancel this session"
            submitLabel="Cancel session"
            variant="danger"
            targetId={sessionId}
            action={cancelAction}
            fields={[{ name: "reason", label: "Reason" }]}
            onDone={() => router.refresh()}
          />
        </>
      ) : null}
      {status === "cancelled" ? (
        <ActionForm
          title="Add a make-up session"
          submitLabel="Add make-up session"
          targetId={interventionId}
          action={makeupAction}
          fields={[
            { name: "date", label: "Date", type: "date", initial: today },
            { name: "startTime", label: "Start time", type: "time", initial: startTime },
            { name: "reason", label: "Reason", initial: "Make-up for a cancelled session" },
          ]}
          extra={{ makeupForSessionId: sessionId }}
          onDone={(created) => router.push(`/sessions/${created.id}`)}
        />
      ) : null}
    </div>
  );
}
