import { ColumnHeads } from "./column-heads";

/**
 * A table that scrolls sideways on a narrow screen: plain column titles over the rows it is
 * given. The caption, when there is one, is for screen readers only.
 */
export function DataTable({
  columns,
  caption,
  className = "w-full text-left text-sm",
  headCellClassName,
  children,
  ...props
}: {
  columns: readonly string[];
  caption?: string;
  headCellClassName?: string;
} & React.TableHTMLAttributes<HTMLTableElement>) {
  return (
    <div className="overflow-x-auto">
      <table className={className} {...props}>
        {caption === undefined ? null : <caption className="sr-only">{caption}</caption>}
        <ColumnHeads columns={columns} cellClassName={headCellClassName} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A body row of a DataTable: a light rule under it, its cells aligned to their tops. */
export function DataRow(props: Omit<React.ComponentProps<"tr">, "className">) {
  return <tr className="border-b border-slate-100 align-top" {...props} />;
}
