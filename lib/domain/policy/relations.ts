/**
 * What each connection alone grants, for the SQL mirrors of the policy: the list filters in
 * db/queries/interventions/visible.ts (who sees an intervention) and db/queries/progress/readable.ts
 * (who reads notes and probe scores) cannot call a TypeScript predicate row by row, so they ask
 * it here, per actor, which connections open what, and write one SQL `exists` per connection.
 *
 * This relies on the predicates deciding on each connection alone ("managers all, else a
 * guardian of an enrolled student, else a facilitator, else a teacher"): then a row with
 * several connections gets the widest of what each gives, which is the SQL's `or`. The
 * predicates' tests (relations.test.ts) check that for every role and combination, so a rule
 * that needs two connections together fails there before the SQL quietly disagrees.
 */
export interface GrantsByRelation<K extends string, G> {
  /** What the actor gets with no connection at all (their role alone). */
  unrelated: G;
  /** What each connection gives when it is the only one. */
  byRelation: Record<K, G>;
}

export function grantsByRelation<K extends string, G>(
  keys: readonly K[],
  decide: (relation: Record<K, boolean>) => G,
): GrantsByRelation<K, G> {
  const none = Object.fromEntries(keys.map((key) => [key, false])) as Record<K, boolean>;
  return {
    unrelated: decide(none),
    byRelation: Object.fromEntries(
      keys.map((key) => [key, decide({ ...none, [key]: true })]),
    ) as Record<K, G>,
  };
}
