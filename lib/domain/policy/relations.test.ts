import { describe, expect, it } from "vitest";
import { ROLES } from "./actor";
import {
  mayReadScores,
  NOTE_RELATIONS,
  type NoteRelation,
  noteReading,
  readableVisibilities,
  readerAudience,
  scoreReading,
} from "./note-visibility";
import {
  INTERVENTION_RELATIONS,
  type InterventionRelation,
  interventionVisibility,
  seesIntervention,
} from "./policy";

/** Every combination of the connections, from none to all. */
function combinations<K extends string>(keys: readonly K[]): Record<K, boolean>[] {
  return Array.from({ length: 2 ** keys.length }, (_, bits) =>
    Object.fromEntries(keys.map((key, i) => [key, Boolean(bits & (1 << i))])),
  ) as Record<K, boolean>[];
}

const held = <K extends string>(relation: Record<K, boolean>, keys: readonly K[]) =>
  keys.filter((key) => relation[key]);

// The SQL filters (db/queries/interventions/visible.ts, db/queries/progress/readable.ts) are the
// `or` of what each connection grants alone; that is the policy only while these hold.
describe("the SQL filters' reading of the policy, per connection", () => {
  for (const role of ROLES) {
    const actor = { role };

    it(`who sees an intervention, as ${role}`, () => {
      const { unrelated, byRelation } = interventionVisibility(actor);
      for (const relation of combinations<keyof InterventionRelation>(INTERVENTION_RELATIONS)) {
        const sql = unrelated || held(relation, INTERVENTION_RELATIONS).some((k) => byRelation[k]);
        expect(sql, JSON.stringify(relation)).toBe(seesIntervention(actor, relation));
      }
    });

    it(`which notes and scores one reads, as ${role}`, () => {
      const notes = noteReading(actor);
      const scores = scoreReading(actor);
      for (const relation of combinations<keyof NoteRelation>(NOTE_RELATIONS)) {
        const keys = held(relation, NOTE_RELATIONS);
        const sqlNotes = new Set([...notes.unrelated, ...keys.flatMap((k) => notes.byRelation[k])]);
        expect([...sqlNotes].sort(), JSON.stringify(relation)).toEqual(
          readableVisibilities(readerAudience(actor, relation)).sort(),
        );
        const sqlScores = scores.unrelated || keys.some((k) => scores.byRelation[k]);
        expect(sqlScores, JSON.stringify(relation)).toBe(mayReadScores(actor, relation));
      }
    });
  }
});
