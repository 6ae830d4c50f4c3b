import Link from "next/link";

const LINK = "rounded px-2 py-1 text-brand-700 underline hover:bg-slate-100";

/**
 * A long list's page links: previous, the first, a few around the current one, the last, next.
 * Plain links (the page is read on the server), in a navigation landmark named by `label`; the
 * current page is marked for screen readers with aria-current.
 */
export function PageLinks({
  page,
  pages,
  href,
  label,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  label: string;
}) {
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-1 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={LINK} rel="prev">
          Previous
        </Link>
      ) : null}
      <ol className="flex flex-wrap items-center gap-1">
        {shown.map((p, i) => (
          <li key={p} className="flex items-center gap-1">
            {i > 0 && p - (shown[i - 1] ?? p) > 1 ? (
              <span aria-hidden="true" className="px-1 text-slate-500">
                …
              </span>
            ) : null}
            {p === page ? (
              <span aria-current="page" className="rounded bg-brand-700 px-2 py-1 text-white">
                <span className="sr-only">Page </span>
                {p}
              </span>
            ) : (
              <Link href={href(p)} className={LINK} aria-label={`Page ${p}`}>
                {p}
              </Link>
            )}
          </li>
        ))}
      </ol>
      {page < pages ? (
        <Link href={href(page + 1)} className={LINK} rel="next">
          Next
        </Link>
      ) : null}
      <span className="ml-2 text-slate-600">
        Page {page} of {pages}
      </span>
    </nav>
  );
}
