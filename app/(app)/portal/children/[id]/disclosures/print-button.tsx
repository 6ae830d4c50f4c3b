"use client";

import { Button } from "@/components/ui/button";

/** Prints the log; the page's print styles leave out the app's header and the links. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
