/** The page of one tier decision with the data it rests on, as stored. */
export function snapshotUrl(studentId: string, decisionId: string): string {
  return `/students/${studentId}/decisions/${decisionId}`;
}
