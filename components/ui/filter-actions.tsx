import Link from "next/link";
import { buttonClasses } from "./button";

/** The end of a filter form (method="get"): apply it, or go back to the unfiltered page. */
export function FilterActions({
  submitLabel,
  clearHref,
}: {
  submitLabel: string;
  clearHref: string;
}) {
  return (
    <div className="flex items-end gap-2">
      <button type="submit" className={buttonClasses()}>
        {submitLabel}
      </button>
      <Link href={clearHref} className={buttonClasses("ghost")}>
        Clear
      </Link>
    </div>
  );
}
