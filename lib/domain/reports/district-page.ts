/**
 * Rows a page of the district view shows. A district of 3,000 active groups is 30 pages: the
 * whole table rendered at once took over a second of the server's CPU and is no easier to read.
 * The API and the CSV export still answer every group.
 */
export const DISTRICT_PAGE_SIZE = 100;

/** The page asked for (`page`, from 1), kept within the pages there are. */
export function districtPage(
  asked: string | undefined,
  rowCount: number,
): { page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(rowCount / DISTRICT_PAGE_SIZE));
  const parsed = Number.parseInt(asked ?? "1", 10);
  const page = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 1), pages) : 1;
  const from = (page - 1) * DISTRICT_PAGE_SIZE;
  return { page, pages, from, to: Math.min(from + DISTRICT_PAGE_SIZE, rowCount) };
}
