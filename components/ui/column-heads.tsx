/** A table's header row of plain column titles, each a column header for screen readers. */
export function ColumnHeads({
  columns,
  className = "border-b border-slate-200 text-slate-600",
  cellClassName = "py-2 pr-4 font-medium",
  lastCellClassName = cellClassName,
}: {
  columns: readonly string[];
  className?: string;
  cellClassName?: string;
  /** The last column's classes, e.g. without the right padding that separates it from a next. */
  lastCellClassName?: string;
}) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((column, i) => (
          <th
            key={column}
            scope="col"
            className={i === columns.length - 1 ? lastCellClassName : cellClassName}
          >
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
