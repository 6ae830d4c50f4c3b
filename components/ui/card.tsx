import { cn } from "./cn";

export function Card({ className, ...props }: React.HTMLAttributes<HTMLElement>) {
  return (
    <section
      className={cn("rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6", className)}
      {...props}
    />
  );
}

export function TierBadge({ tier }: { tier: number }) {
  const colour =
    tier === 3
      ? "bg-red-100 text-red-900"
      : tier === 2
        ? "bg-amber-100 text-amber-900"
        : "bg-emerald-100 text-emerald-900";
  return (
    <span className={cn("inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold", colour)}>
      Tier {tier}
    </span>
  );
}
