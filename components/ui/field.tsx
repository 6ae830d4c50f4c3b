import { cn } from "./cn";

export const inputClasses =
  "block w-full min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 aria-[invalid=true]:border-red-600";

/** A labelled form control with its hint and its error, wired for screen readers. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? <FieldErrorText id={`${id}-error`} message={error} /> : null}
    </div>
  );
}

export function FieldErrorText({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="text-sm font-medium text-red-700" role="alert">
      {message}
    </p>
  );
}

/** aria attributes that tie a control to its hint or error. */
export function describedBy(id: string, error?: string, hint?: string) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}

/** The frame every labelled control shares: its id, label, hint and error. */
interface FieldFrame {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Classes of the wrapper (e.g. grid placement), not of the control. */
  className?: string;
}

/**
 * A labelled text input; the rest of the props (e.g. react-hook-form's register) go to it, and
 * an explicit aria-describedby wins over the one derived from hint and error.
 */
export function InputField({
  id,
  label,
  hint,
  error,
  className,
  ...input
}: FieldFrame & React.ComponentProps<"input">) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <input id={id} className={inputClasses} {...describedBy(id, error, hint)} {...input} />
    </Field>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  className,
  ...textarea
}: FieldFrame & React.ComponentProps<"textarea">) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <textarea id={id} className={inputClasses} {...describedBy(id, error, hint)} {...textarea} />
    </Field>
  );
}

/** A labelled select; its options are the children. */
export function SelectField({
  id,
  label,
  hint,
  error,
  className,
  children,
  ...select
}: FieldFrame & React.ComponentProps<"select">) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <select id={id} className={inputClasses} {...describedBy(id, error, hint)} {...select}>
        {children}
      </select>
    </Field>
  );
}

type OptionItem = string | number | { id: string };
const optionValue = (item: OptionItem) => (typeof item === "object" ? item.id : item);

/**
 * A select's options, one per item: a string or number is its own value, an object's value is
 * its id; the label defaults to the value.
 */
export function Options<T extends OptionItem>({
  items,
  label = optionValue,
}: {
  items: readonly T[];
  label?: (item: T) => React.ReactNode;
}) {
  return items.map((item) => (
    <option key={optionValue(item)} value={optionValue(item)}>
      {label(item)}
    </option>
  ));
}
