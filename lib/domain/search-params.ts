/** A page's query as Next hands it: a name may stand once, several times, or not at all. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value a name has in the address; undefined when it is missing or empty. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

/** The first value of each of these names, for a page's query schema to parse. */
export function firstParams<K extends string>(
  params: SearchParams,
  names: readonly K[],
): Record<K, string | undefined> {
  return Object.fromEntries(names.map((name) => [name, firstParam(params[name])])) as Record<
    K,
    string | undefined
  >;
}
