/** The fall screening of a demo district: a reading and a math benchmark for every student. */

import { addDays, type LocalDate } from "@/lib/domain/calendar/dates";
import { isoDate, onOrAfter, type SchoolYear } from "./calendar";
import type { DistrictBuilder } from "./district-builder";

/** When a school gave its fall benchmark: mid-September, never after today. */
export function fallTestingDay(year: SchoolYear, today: LocalDate, dayOfWeek: number): LocalDate {
  const day = addDays(onOrAfter(isoDate(year.startYear, 9, 14), "MO"), dayOfWeek);
  return day < today ? day : addDays(today, -1);
}

/**
 * Fall benchmark results for every student. Students picked for groups keep the band they
 * were picked for; the rest are drawn so that about 8% score below 30 and 14% between 30
 * and 49 (22% at risk in all).
 */
export function addFallBenchmarks(
  district: DistrictBuilder,
  schoolDates: ReadonlyMap<string, LocalDate>,
) {
  const tests = [
    { name: "Reading Benchmark", subject: "Reading", bands: district.readingBands },
    { name: "Math Benchmark", subject: "Math", bands: district.mathBands },
  ];
  for (const test of tests) {
    const assessmentId = district.rng.uuid();
    district.plan.assessments.push({
      tenantId: district.tenantId,
      id: assessmentId,
      name: test.name,
      subject: test.subject,
      scaleMin: 0,
      scaleMax: 100,
      cutScores: [{ tier1Min: 50, tier2Min: 30 }],
    });
    const all = district.plan.students;
    const tier3Quota = Math.round(all.length * 0.08);
    const tier2Quota = Math.round(all.length * 0.14);
    let tier3 = [...test.bands.values()].filter((b) => b === "tier3").length;
    let tier2 = [...test.bands.values()].filter((b) => b === "tier2").length;
    const bands = new Map(test.bands);
    for (const student of district.rng.shuffle(all.filter((s) => !bands.has(s.id!)))) {
      if (tier3 < tier3Quota) {
        bands.set(student.id!, "tier3");
        tier3 += 1;
      } else if (tier2 < tier2Quota) {
        bands.set(student.id!, "tier2");
        tier2 += 1;
      } else {
        bands.set(student.id!, "tier1");
      }
    }
    const scores = all.map((student) => {
      const band = bands.get(student.id!) ?? "tier1";
      const score =
        band === "tier3"
          ? district.rng.int(12, 29)
          : band === "tier2"
            ? district.rng.int(31, 48)
            : Math.min(
                99,
                50 +
                  Math.round(
                    Math.abs(district.rng.next() + district.rng.next() - 1) * 40 +
                      district.rng.int(0, 12),
                  ),
              );
      return { student, score };
    });
    const sorted = scores.map((s) => s.score).sort((a, b) => a - b);
    for (const { student, score } of scores) {
      const below = sorted.filter((s) => s < score).length;
      const percentile = Math.max(1, Math.min(99, Math.round((100 * below) / sorted.length)));
      district.plan.assessmentResults.push({
        tenantId: district.tenantId,
        id: district.rng.uuid(),
        assessmentId,
        studentId: student.id!,
        schoolYear: district.year.label,
        window: "fall",
        administeredOn:
          schoolDates.get(student.schoolId) ??
          onOrAfter(isoDate(district.year.startYear, 9, 14), "MO"),
        score,
        percentile,
      });
    }
  }
}
