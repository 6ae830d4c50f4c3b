"use client";

import { Button } from "@/components/ui/button";

/** Prints the recap; the page's print styles leave out the navigation and the forms. */
export function PrintButton() {
  return (
    <Button variant="secondary" className="print:hidden" onClick={() => window.print()}>
      Print the recap
    </Button>
  );
}
