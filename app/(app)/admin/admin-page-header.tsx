import { BackLink } from "@/components/ui/text-link";

/** The head of every administration page: the way back, the title, and what the page is for. */
export function AdminPageHeader({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <BackLink href="/admin">Administration</BackLink>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="max-w-3xl text-slate-700">{children}</p>
    </div>
  );
}
