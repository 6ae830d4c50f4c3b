import Link from "next/link";

/**
 * A column header that sorts its table by a link (the sort lives in the page's URL), marked
 * for screen readers with aria-sort when it is the column sorted by: the district view
 * (components/effectiveness/district-table.tsx) and the at-risk list
 * (app/(app)/reports/at-risk/at-risk-table.tsx).
 */
export function SortableColumnHead({
  label,
  href,
  sorted,
  direction,
}: {
  label: string;
  href: string;
  /** Whether the table is sorted by this column. */
  sorted: boolean;
  direction: "asc" | "desc";
}) {
  return (
    <th
      scope="col"
      className="py-2 pr-4 font-medium"
      aria-sort={sorted ? (direction === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link href={href} className="underline-offset-2 hover:underline">
        {label}
        {sorted ? (direction === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
}
