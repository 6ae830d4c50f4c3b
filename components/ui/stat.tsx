/**
 * One figure of a description list: its name (dt) over its value (dd), and a note under both
 * when given. The value's classes and attributes (e.g. a test id) are the caller's.
 */
export function Stat({
  term,
  note,
  className = "font-semibold",
  children,
  ...dd
}: {
  term: string;
  note?: React.ReactNode;
} & React.ComponentProps<"dd">) {
  return (
    <div>
      <dt className="text-slate-600">{term}</dt>
      <dd className={className} {...dd}>
        {children}
      </dd>
      {note === undefined ? null : <dd className="text-slate-600">{note}</dd>}
    </div>
  );
}
