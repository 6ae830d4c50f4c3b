/** Where a problem document's `type` points (RFC 9457): one base for every kind of problem. */
export const PROBLEM_TYPE_BASE = "https://northstar.example/problems/";

/** Whether every percent-escape of a path decodes to text (a lone surrogate's does not). */
export function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
