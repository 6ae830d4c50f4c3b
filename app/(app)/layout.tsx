import Link from "next/link";
import { navigationFor } from "@/components/navigation/links";
import { QueryProvider } from "@/components/providers/query-provider";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS } from "@/lib/domain/policy";
import { requireActor } from "@/lib/server/actor";
import { signOut } from "@/lib/server/auth";

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/sign-in" });
}

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const links = navigationFor(actor);
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <div className="flex flex-wrap items-center gap-4">
            <Link href="/" className="font-bold text-brand-900">
              NorthStar
            </Link>
            <nav aria-label="Main" className="flex flex-wrap gap-1">
              {links.map((link) => (
                <Link
                  key={link.href}
                  href={link.href}
                  className="rounded px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
                >
                  {link.label}
                </Link>
              ))}
            </nav>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-700">
              <span className="font-medium text-slate-900">{actor.name}</span>
              <span className="hidden xl:inline">
                {" "}
                · {ROLE_LABELS[actor.role]} · {actor.districtName}
              </span>
            </span>
            <form action={signOutAction}>
              <Button type="submit" variant="ghost" className="min-h-9 px-2">
                {actor.locale === "es" ? "Salir" : "Sign out"}
              </Button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </div>
  );
}
