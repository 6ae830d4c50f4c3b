import type { Actor } from "./actor";
import { isManager } from "./policy";
import { grantsByRelation } from "./relations";

/** Who a progress note is shared with (docs/domain.md): each level includes the ones before it. */
export type NoteAudience = "team" | "teachers" | "family";
export const NOTE_AUDIENCES = ["team", "teachers", "family"] as const satisfies NoteAudience[];

/** How the reader is connected to one note: through its intervention, or to its student. */
export interface NoteRelation {
  /** The reader is one of the note's intervention's facilitators. */
  facilitatesIntervention: boolean;
  /** The student is on one of the reader's class rosters. */
  teachesStudent: boolean;
  /** The reader is the student's guardian. */
  guardianOfStudent: boolean;
}

export const NOTE_RELATIONS = Object.keys({
  facilitatesIntervention: true,
  teachesStudent: true,
  guardianOfStudent: true,
} satisfies Record<keyof NoteRelation, true>) as (keyof NoteRelation)[];

/**
 * The widest audience the reader belongs to for one student's record in one intervention:
 * "team" (the intervention's staff and the district's managers), "teachers" (the student's
 * teachers), "family" (the student's guardians), or null when they may read none of it.
 * Progress notes are confidential: a staff role alone opens nothing; only a connection does.
 */
export function readerAudience(
  actor: Pick<Actor, "role">,
  relation: NoteRelation,
): NoteAudience | null {
  if (isManager(actor)) return "team";
  if (actor.role === "parent") return relation.guardianOfStudent ? "family" : null;
  if (relation.facilitatesIntervention) return "team";
  if (relation.teachesStudent) return "teachers";
  return null;
}

/** The note visibilities an audience may read: the team reads all, a family only "family". */
export function readableVisibilities(audience: NoteAudience | null): NoteAudience[] {
  switch (audience) {
    case "team":
      return ["team", "teachers", "family"];
    case "teachers":
      return ["teachers", "family"];
    case "family":
      return ["family"];
    case null:
      return [];
  }
}

export function mayReadNote(
  actor: Pick<Actor, "role">,
  relation: NoteRelation,
  visibility: NoteAudience,
): boolean {
  return readableVisibilities(readerAudience(actor, relation)).includes(visibility);
}

/**
 * Probe scores are the staff's working data: the team and the student's teachers see them; a
 * family sees the progress shared with it through notes marked "family".
 */
export function mayReadScores(actor: Pick<Actor, "role">, relation: NoteRelation): boolean {
  const audience = readerAudience(actor, relation);
  return audience === "team" || audience === "teachers";
}

/*
 * The same rules per connection, for the SQL that filters every query reading notes and scores
 * (db/queries/progress/readable.ts → readableNotes, readableScores): it writes one `exists` per
 * connection and takes from here which visibilities each one opens to this actor, so a change
 * to readerAudience, readableVisibilities or mayReadScores changes those queries with it
 * (relations.ts says why per connection is enough).
 */

/** The note visibilities each connection alone lets the actor read. */
export function noteReading(actor: Pick<Actor, "role">) {
  return grantsByRelation(NOTE_RELATIONS, (relation) =>
    readableVisibilities(readerAudience(actor, relation)),
  );
}

/** Whether each connection alone lets the actor read probe scores. */
export function scoreReading(actor: Pick<Actor, "role">) {
  return grantsByRelation(NOTE_RELATIONS, (relation) => mayReadScores(actor, relation));
}
