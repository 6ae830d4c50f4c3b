import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/** What became of a form's last submit: saved (a polite status) or refused (an alert). */
export function FormOutcome({
  message,
  className = "",
}: {
  message: { ok: boolean; text: string } | null;
  className?: string;
}) {
  if (!message) return null;
  return (
    <p
      role={message.ok ? "status" : "alert"}
      className={`${message.ok ? "text-emerald-800" : "text-red-700"} ${className}`.trim()}
    >
      {message.text}
    </p>
  );
}

/** Why a whole submit was refused (not one field's fault), boxed above the form's fields. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800"
    >
      {message}
    </div>
  );
}

/**
 * A refused submit's field errors (ActionResult, lib/server/action.ts) on the form's fields of
 * those names; an error of any other path stays in the whole-form message.
 */
export function setFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: readonly { path: string; message: string }[],
  fields: readonly Path<T>[],
) {
  for (const error of fieldErrors) {
    const field = fields.find((name) => name === error.path);
    if (field) setError(field, { message: error.message });
  }
}
