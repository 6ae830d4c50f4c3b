import { cn } from "@/components/ui/cn";

const STYLES: Record<string, string> = {
  sent: "bg-emerald-100 text-emerald-900",
  stored: "bg-sky-100 text-sky-900",
  queued: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-900",
  bounced: "bg-red-100 text-red-900",
  // The background jobs page speaks of its jobs in the same colours.
  done: "bg-emerald-100 text-emerald-900",
  running: "bg-sky-100 text-sky-900",
  "waiting to retry": "bg-amber-100 text-amber-900",
};

/** A status (a message's delivery, a job's state), coloured and always spelled out (never colour alone). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={cn(
        "inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold",
        STYLES[status] ?? "bg-slate-200",
      )}
    >
      {status}
    </span>
  );
}
