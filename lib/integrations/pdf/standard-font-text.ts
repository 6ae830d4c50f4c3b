/**
 * The PDF's built-in Helvetica (decision 0016) draws only the WinAnsi characters: an arrow or a
 * "≥" in a decision rule, a group's name or a justification would come out as a blank or a
 * wrong glyph. These are written the way a typist would instead; anything else outside WinAnsi
 * is left for the font to do what it can.
 */
const REPLACEMENTS: Record<string, string> = {
  "→": "->",
  "←": "<-",
  "↑": "up",
  "↓": "down",
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "≈": "~",
  "−": "-",
  "✓": "yes",
  "✗": "no",
  "\u202f": " ",
};

const PATTERN = new RegExp(`[${Object.keys(REPLACEMENTS).join("")}]`, "gu");

export function forStandardFont(text: string): string {
  return text.replace(PATTERN, (character) => REPLACEMENTS[character] ?? character);
}

/** Every string in `value` (a packet's view: plain data), written for the standard font. */
export function withStandardFontText<T>(value: T): T {
  if (typeof value === "string") return forStandardFont(value) as T;
  if (Array.isArray(value)) return value.map((item) => withStandardFontText(item)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withStandardFontText(item)]),
    ) as T;
  }
  return value;
}
