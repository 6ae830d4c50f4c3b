/**
 * The hours a room or one unit of a resource can be used, shared by the utilization report and
 * the budget's amortisation (docs/domain.md, "Resource utilization", "Budget impact"). The
 * app stores no bell-to-bell day per school, so these are the district-wide assumptions.
 */

/** Instructional hours a room or a unit is available on a school day. */
export const SCHOOL_DAY_HOURS = 6;

/** School weeks in a year (180 school days). */
export const SCHOOL_YEAR_WEEKS = 36;

/** School days in a full week. */
const SCHOOL_WEEK_DAYS = 5;

/** Hours one unit is available in a school year: 36 × 5 × 6 = 1,080. */
export const SCHOOL_YEAR_HOURS = SCHOOL_YEAR_WEEKS * SCHOOL_WEEK_DAYS * SCHOOL_DAY_HOURS;
