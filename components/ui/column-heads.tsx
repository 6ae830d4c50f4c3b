/** A table's header row of plain column titles, each a column header for screen readers. */
export function ColumnHeads({
  columns,
  className = "border-b border-slate-200 text-slate-600",
  cellClassName = "py-2 pr-4 font-medium",
}: {
  columns: readonly string[];
  className?: string;
  cellClassName?: string;
}) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col" className={cellClassName}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
