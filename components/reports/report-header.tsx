import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";

/** An admin report's heading: the title, what the figures cover, and the CSV export of them. */
export function ReportHeader({
  title,
  exportHref,
  children,
}: {
  title: string;
  exportHref: string;
  /** The line under the title: the period or the day the report covers. */
  children: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="max-w-3xl text-slate-700">{children}</p>
      </div>
      <a href={exportHref} className={buttonClasses("secondary")} download>
        Export CSV
      </a>
    </div>
  );
}
