export { loadInterventionAccess, studentsVisibleInRoster } from "./intervention";
export { assertWorksWithScreening, requireRunAccess } from "./refusals";
export { loadSessionAccess } from "./session";
export {
  audienceOfStudent,
  relationToStudent,
  type StudentConnection,
  visibleStudent,
} from "./student";
