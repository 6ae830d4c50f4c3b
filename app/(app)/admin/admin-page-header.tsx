import Link from "next/link";

/** The head of every administration page: the way back, the title, and what the page is for. */
export function AdminPageHeader({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin" className="text-brand-700 underline-offset-2 hover:underline">
          Administration
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="max-w-3xl text-slate-700">{children}</p>
    </div>
  );
}
