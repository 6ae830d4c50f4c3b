import { isValidLocalDate, WEEKDAYS } from "../calendar/dates";
import { z } from "../zod";
import { clockTimeSchema, minutesOf } from "./clock-time";
import { ABSENCE_KINDS, PROTECTED_BLOCK_KINDS } from "./kinds";

/** What the schedule and staff admin pages send (docs/domain.md, "Time facts"). */

export const PROTECTED_BLOCK_KIND_LABELS: Record<(typeof PROTECTED_BLOCK_KINDS)[number], string> = {
  core_ela: "Core ELA",
  core_math: "Core math",
  lunch: "Lunch",
  win: "WIN time",
  other: "Other",
};

export const ABSENCE_KIND_LABELS: Record<(typeof ABSENCE_KINDS)[number], string> = {
  leave: "Leave",
  training: "Training",
  other: "Other",
};

/** Days a school week holds, Monday to Friday, in iCalendar codes. */
export const SCHOOL_DAYS = ["MO", "TU", "WE", "TH", "FR"] as const;

const orderedTimes = <T extends { startTime: string; endTime: string }>(value: T) =>
  minutesOf(value.endTime) > minutesOf(value.startTime);
const endAfterStart = { message: "The end must be after the start.", path: ["endTime"] };

const optionalId = z.union([z.literal(""), z.uuid()]).optional();

const rotationDayName = z
  .string()
  .trim()
  .min(1)
  .max(20, "20 characters at most.")
  .regex(/^[A-Za-z0-9-]+$/, "Letters, digits and dashes only.");

/** A school's rotation: day names in order ("A, B"), and the date of its first day. */
export const schoolRotationSchema = z
  .object({
    schoolId: z.uuid(),
    /** Comma-separated in the form; empty for "every day alike". */
    dayRotation: z
      .string()
      .trim()
      .transform((value) =>
        value === ""
          ? []
          : value
              .split(",")
              .map((d) => d.trim())
              .filter(Boolean),
      )
      .pipe(z.array(rotationDayName).max(10, "Ten rotation days at most.")),
    rotationStartsOn: z
      .string()
      .trim()
      .refine((value) => value === "" || isValidLocalDate(value), "Enter a date.")
      .transform((value) => (value === "" ? null : value)),
  })
  .refine((value) => value.dayRotation.length === 0 || value.rotationStartsOn !== null, {
    message: "A rotation needs the date of its first day.",
    path: ["rotationStartsOn"],
  })
  .refine((value) => new Set(value.dayRotation).size === value.dayRotation.length, {
    message: "Name each rotation day once.",
    path: ["dayRotation"],
  });
export type SchoolRotationInput = z.output<typeof schoolRotationSchema>;

/** One bell period; with an id it is an edit. */
export const bellPeriodSchema = z
  .object({
    id: optionalId,
    schoolId: z.uuid(),
    dayType: z.string().trim().max(20, "20 characters at most."),
    label: z
      .string()
      .trim()
      .min(1, "Name the period as classes list it.")
      .max(40, "40 characters at most."),
    startTime: clockTimeSchema,
    endTime: clockTimeSchema,
  })
  .refine(orderedTimes, endAfterStart);
export type BellPeriodInput = z.output<typeof bellPeriodSchema>;

export const protectedBlockSchema = z
  .object({
    id: optionalId,
    schoolId: z.uuid(),
    /** Empty: the whole school. */
    grade: z
      .union([z.literal(""), z.coerce.number().int("Enter a grade 0–12.").min(0).max(12)])
      .transform((value) => (value === "" ? null : value)),
    kind: z.enum(PROTECTED_BLOCK_KINDS, { message: "Choose what the time is for." }),
    label: z.string().trim().min(1, "Give the block a name.").max(100, "100 characters at most."),
    days: z
      .array(z.enum(SCHOOL_DAYS))
      .min(1, "Choose at least one day.")
      .transform((days) => SCHOOL_DAYS.filter((d) => days.includes(d))),
    startTime: clockTimeSchema,
    endTime: clockTimeSchema,
  })
  .refine(orderedTimes, endAfterStart);
export type ProtectedBlockInput = z.output<typeof protectedBlockSchema>;

export const roomSchema = z.object({
  id: optionalId,
  schoolId: z.uuid(),
  name: z.string().trim().min(1, "Name the room.").max(100, "100 characters at most."),
  capacity: z
    .union([z.literal(""), z.coerce.number().int("Enter a whole number.").min(1).max(500)])
    .transform((value) => (value === "" ? null : value)),
});
export type RoomInput = z.output<typeof roomSchema>;

export const deleteRowSchema = z.object({ id: z.uuid() });

/** A staff member's week: each weekday either off (empty times) or a start and end. */
export const workingHoursSchema = z.object({
  staffId: z.uuid(),
  days: z
    .array(
      z
        .object({
          weekday: z.enum(WEEKDAYS),
          startTime: z.union([z.literal(""), clockTimeSchema]),
          endTime: z.union([z.literal(""), clockTimeSchema]),
        })
        .refine((d) => (d.startTime === "") === (d.endTime === ""), {
          message: "Give both times, or neither for a day off.",
          path: ["endTime"],
        })
        .refine((d) => d.startTime === "" || orderedTimes(d), endAfterStart),
    )
    .max(7)
    .refine(
      (days) => new Set(days.map((d) => d.weekday)).size === days.length,
      "A day appears twice.",
    ),
});
export type WorkingHoursInput = z.output<typeof workingHoursSchema>;

export const staffAbsenceSchema = z
  .object({
    staffId: z.uuid(),
    kind: z.enum(ABSENCE_KINDS, { message: "Choose leave, training or other." }),
    startsOn: z.string().trim().refine(isValidLocalDate, "Enter a date."),
    endsOn: z.string().trim().refine(isValidLocalDate, "Enter a date."),
    /** Both empty: the whole day. */
    startTime: z.union([z.literal(""), clockTimeSchema]),
    endTime: z.union([z.literal(""), clockTimeSchema]),
    note: z.string().trim().max(500, "500 characters at most."),
  })
  .refine((a) => a.endsOn >= a.startsOn, {
    message: "The last day cannot come before the first.",
    path: ["endsOn"],
  })
  .refine((a) => (a.startTime === "") === (a.endTime === ""), {
    message: "Give both times, or neither for whole days.",
    path: ["endTime"],
  })
  .refine((a) => a.startTime === "" || orderedTimes(a), endAfterStart);
export type StaffAbsenceInput = z.output<typeof staffAbsenceSchema>;

export const caseloadCapSchema = z.object({
  staffId: z.uuid(),
  /** Empty: no cap. */
  caseloadCap: z
    .union([
      z.literal(""),
      z.coerce.number().int("Enter a whole number.").min(1, "At least 1.").max(500, "500 at most."),
    ])
    .transform((value) => (value === "" ? null : value)),
});
export type CaseloadCapInput = z.output<typeof caseloadCapSchema>;
