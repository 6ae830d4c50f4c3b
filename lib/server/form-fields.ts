/**
 * A public form action's fields. React hands such an action a FormData, but anyone can call the
 * action's endpoint with other arguments (an object, a string); those are read as an empty form,
 * so the action answers as it does to a form left blank instead of failing with a 500.
 */
export function formFields(form: unknown): Record<string, string> {
  if (!(form instanceof FormData)) return {};
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string") fields[name] ??= value;
  return fields;
}
