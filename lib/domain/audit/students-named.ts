/**
 * The students a document names, wherever it holds them: a `studentId`, a `studentIds` list, or
 * either inside nested records (an attendance event's `records`, a group's non-responders). The
 * read-log row of a list names them (decision 0007) whatever the shape: an event of any type, a
 * group's effectiveness figures.
 */
export function studentsNamedIn(data: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(data)) {
    for (const item of data) studentsNamedIn(item, into);
  } else if (data !== null && typeof data === "object") {
    for (const [key, value] of Object.entries(data)) {
      if (key === "studentId" && typeof value === "string") into.add(value);
      else if (key === "studentIds" && Array.isArray(value)) {
        for (const id of value) if (typeof id === "string") into.add(id);
      } else studentsNamedIn(value, into);
    }
  }
  return into;
}
