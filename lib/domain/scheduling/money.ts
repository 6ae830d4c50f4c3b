/** Money as the catalogue and the budget write it: whole cents inside, dollars on screen. */

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** "$1,234.56" from cents. */
export function formatCents(cents: number): string {
  return dollars.format(cents / 100);
}

/**
 * Cents from what a person typed in dollars ("1,234.5", "$12"); an empty field is `null`, and
 * text that is not an amount of at most two decimals is `NaN`, which the schema then refuses.
 */
export function centsFromDollars(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, "").replaceAll(",", "");
  if (cleaned === "") return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** The form's text for a stored amount: "1234.50", or "" for none. */
export function dollarsText(cents: number | null): string {
  return cents === null ? "" : (cents / 100).toFixed(2);
}
