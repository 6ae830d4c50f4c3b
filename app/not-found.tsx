import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-slate-700">
        This page does not exist, or it is not available to you.
      </p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        Back to your home page
      </Link>
    </main>
  );
}
