import { config } from "@/lib/config";

/** The Chromium the end-to-end tests drive: PLAYWRIGHT_CHROMIUM_PATH, or Debian's. */
export function chromiumPath(): string {
  return config().PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
}
