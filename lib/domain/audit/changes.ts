/**
 * The part of a record a change touched, as the audit trail keeps it: for each field in
 * `proposed` whose value differs from `current`, the old value under `before` and the new one
 * under `after`. Null when nothing changes, so a no-op edit leaves no audit row.
 */
export function changedFields(
  current: Record<string, unknown>,
  proposed: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(proposed)) {
    if (value === undefined || sameValue(current[field], value)) continue;
    before[field] = current[field] ?? null;
    after[field] = value;
  }
  return Object.keys(after).length > 0 ? { before, after } : null;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return new Date(a as Date).getTime() === new Date(b as Date).getTime();
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
