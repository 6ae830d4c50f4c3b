import Link from "next/link";

const TEXT_LINK = "text-brand-700 underline-offset-2 hover:underline";

/** A link inside text or a table cell: brand-coloured, underlined on hover. Classes given go first. */
export function TextLink({ className, ...link }: React.ComponentProps<typeof Link>) {
  return <Link className={className ? `${className} ${TEXT_LINK}` : TEXT_LINK} {...link} />;
}

/** The way back above a page's title: one small link to the page it belongs to. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p className="text-sm">
      <TextLink href={href}>{children}</TextLink>
    </p>
  );
}
