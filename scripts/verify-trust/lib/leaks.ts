/**
 * What counts as a leak in the authorization check and the crawl (issue 14, "Prove"): a response
 * that carries an id or a student's name belonging to a district the caller is not in. An id the
 * caller itself sent (an error that names the id it refused) tells it nothing new, so it is not
 * counted.
 */

/** One district's secrets as the checks look for them: every row id, every student's name. */
export interface DistrictSecrets {
  districtId: string;
  ids: ReadonlySet<string>;
  /** "First Last" of each student, without the names the other district's students share. */
  studentNames: readonly string[];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** How a name may appear in HTML or JSON: as is, and with an apostrophe or ampersand escaped. */
function spellings(name: string): string[] {
  const escaped = name.replaceAll("&", "&amp;").replaceAll("'", "&#x27;").replaceAll('"', "&quot;");
  const numeric = name.replaceAll("'", "&#39;");
  const unicode = name.replaceAll("'", "\\u0027");
  return [...new Set([name, escaped, numeric, unicode])];
}

export interface Leak {
  kind: "id" | "student name";
  value: string;
}

/**
 * The foreign ids and names `body` contains, leaving out any id in `sent` (the ids the request
 * itself carried). An empty list means no leak.
 */
export function findLeaks(
  body: string,
  foreign: DistrictSecrets,
  sent: ReadonlySet<string> = new Set(),
): Leak[] {
  const leaks: Leak[] = [];
  const seen = new Set<string>();
  for (const match of body.matchAll(UUID)) {
    const id = match[0].toLowerCase();
    if (seen.has(id) || sent.has(id)) continue;
    seen.add(id);
    if (foreign.ids.has(id)) leaks.push({ kind: "id", value: id });
  }
  for (const name of foreign.studentNames) {
    if (spellings(name).some((spelling) => body.includes(spelling))) {
      leaks.push({ kind: "student name", value: name });
    }
  }
  return leaks;
}

/** The uuids a request's path and body carry (its own ids are not a leak when echoed). */
export function idsIn(...texts: string[]): Set<string> {
  const ids = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(UUID)) ids.add(match[0].toLowerCase());
  return ids;
}
