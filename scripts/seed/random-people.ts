/**
 * The names of generated demo people: teachers, and children with their families (about one in
 * five families Spanish-speaking, most of their children with Spanish first names, most with two
 * guardians). Each draws from the district's random stream in a fixed order, so a seed gives the
 * same people every time.
 */
import type { FamilyPlan } from "./district-plan";
import {
  ADULT_MEN,
  ADULT_WOMEN,
  CHILD_BOYS,
  CHILD_GIRLS,
  SPANISH_ADULT_MEN,
  SPANISH_ADULT_WOMEN,
  SPANISH_CHILD_BOYS,
  SPANISH_CHILD_GIRLS,
  SPANISH_SURNAMES,
  SURNAMES,
} from "./names";
import type { Rng } from "./random";

/** The share of generated families who read letters in Spanish. */
export const SPANISH_FAMILY_SHARE = 0.2;

/** A teacher's name, about seven in ten women; the caller draws again when the name is taken. */
export function randomTeacherName(rng: Rng): {
  woman: boolean;
  firstName: string;
  lastName: string;
} {
  const woman = rng.chance(0.7);
  const firstName = rng.pick(woman ? ADULT_WOMEN : ADULT_MEN);
  return { woman, firstName, lastName: rng.pick(SURNAMES) };
}

/** A child's first and last name; the caller draws again when the pair is taken. */
export function randomChildName(rng: Rng, spanish: boolean): [string, string] {
  const girl = rng.chance(0.5);
  const spanishFirst = spanish && rng.chance(0.75);
  const firstNames = spanishFirst
    ? girl
      ? SPANISH_CHILD_GIRLS
      : SPANISH_CHILD_BOYS
    : girl
      ? CHILD_GIRLS
      : CHILD_BOYS;
  return [rng.pick(firstNames), rng.pick(spanish ? SPANISH_SURNAMES : SURNAMES)];
}

/** A family for a generated child: one or two guardians sharing the child's last name. */
export function randomFamily(rng: Rng, lastName: string, spanish: boolean): FamilyPlan {
  const women = spanish ? SPANISH_ADULT_WOMEN : ADULT_WOMEN;
  const men = spanish ? SPANISH_ADULT_MEN : ADULT_MEN;
  const language = spanish ? "es" : "en";
  if (rng.chance(0.62)) {
    return {
      language,
      guardians: [
        { firstName: rng.pick(women), lastName, relationship: "mother" },
        { firstName: rng.pick(men), lastName, relationship: "father" },
      ],
    };
  }
  const roll = rng.next();
  const [relationship, names] =
    roll < 0.6
      ? (["mother", women] as const)
      : roll < 0.85
        ? (["father", men] as const)
        : roll < 0.95
          ? (["grandmother", women] as const)
          : (["guardian", rng.chance(0.5) ? women : men] as const);
  return { language, guardians: [{ firstName: rng.pick(names), lastName, relationship }] };
}
