/**
 * The set-based SQL (generate_series) that writes the benchmark's district, in order; the
 * shape it follows is bench/dataset-shape.ts.
 */

import { sql } from "drizzle-orm";
import {
  BENCH_EMAIL,
  SCALE,
  SPECIALIST_STAFF_ID,
  SPECIALIST_USER_ID,
  TENANT_ID,
  TIME_ZONE,
} from "./dataset-shape";
/** The SQL text of a statement built with drizzle's `sql`, for naming what it loads. */
export function statementText(statement: ReturnType<typeof sql>): string {
  return statement.queryChunks
    .map((chunk) =>
      typeof chunk === "object" && chunk && "value" in chunk ? String(chunk.value) : "",
    )
    .join("");
}

export function datasetStatements(today: string, passwordHash: string) {
  const t = TENANT_ID;
  const s = SCALE;
  const uid = (name: string, expr: string) =>
    sql.raw(
      `overlay(overlay(md5('${name}' || (${expr})) placing '4' from 13) placing '8' from 17)::uuid`,
    );
  const completed = s.interventions - s.activeInterventions;
  // Constants are written into the SQL as literals: as parameters their type would be unknown.
  const int = (value: number) => sql.raw(String(Math.trunc(value)));
  // Group k's facilitator (and room) number and its start time of day (slotOf, startTimeOf).
  const facilitator = `(k - 1) % ${s.facilitators} + 1`;
  const startTime = sql.raw(
    `(time '${s.firstStart}' + make_interval(mins => ((k - 1) / ${s.facilitators}) * ${s.slotMinutes}))`,
  );
  return [
    sql`insert into intervention.districts (id, name, slug, time_zone)
        values (${t}, 'Bench School District', 'bench', ${TIME_ZONE})`,
    sql`insert into intervention.schools (tenant_id, id, name, lowest_grade, highest_grade)
        select ${t}, ${uid("school", "g")}, 'Bench School ' || g, 0, 8
        from generate_series(1, ${int(s.schools)}) g`,
    // Teachers first, then facilitators; the first facilitator is the specialist's staff record.
    sql`insert into intervention.staff (tenant_id, id, school_id, first_name, last_name, display_name, title)
        select ${t}, ${uid("staff", "g")}, ${uid("school", `(g - 1) % ${s.schools} + 1`)},
               'Staff', 'Member ' || g, 'Staff Member ' || g,
               case when g > ${int(s.teachers)} then 'Interventionist' else 'Teacher' end
        from generate_series(1, ${int(s.teachers + s.facilitators)}) g`,
    sql`insert into intervention.students (tenant_id, id, school_id, local_id, first_name, last_name, grade, current_tier)
        select ${t}, ${uid("student", "g")}, ${uid("school", `(g - 1) % ${s.schools} + 1`)},
               'B' || g, 'Student', 'Number ' || g, g % 9, case when g % 5 = 0 then 2 else 1 end
        from generate_series(1, ${int(s.students)}) g`,
    sql`insert into intervention.sections (tenant_id, id, school_id, name, teacher_id)
        select ${t}, ${uid("section", "g")}, ${uid("school", `(g - 1) % ${s.schools} + 1`)},
               'Homeroom ' || g, ${uid("staff", "g")}
        from generate_series(1, ${int(s.teachers)}) g`,
    sql`insert into intervention.section_students (tenant_id, section_id, student_id)
        select ${t}, ${uid("section", `(g - 1) % ${s.teachers} + 1`)}, ${uid("student", "g")}
        from generate_series(1, ${int(s.students)}) g`,
    // A room of their own for each facilitator, at the facilitator's school: 30 a school.
    sql`insert into intervention.rooms (tenant_id, id, school_id, name, capacity)
        select ${t}, ${uid("room", "g")}, ${uid("school", `(${s.teachers} + g - 1) % ${s.schools} + 1`)},
               'Room ' || g, 8
        from generate_series(1, ${int(s.facilitators)}) g`,
    sql`insert into intervention.users (tenant_id, id, email, password_hash, name, role, staff_id)
        values (${t}, ${SPECIALIST_USER_ID}, ${BENCH_EMAIL}, ${passwordHash}, 'Bench Specialist',
                'specialist', ${SPECIALIST_STAFF_ID})`,
    // 12-week groups on Mondays: the completed ones spread over the past year, the active ones
    // started 8 to 11 weeks ago; each in its facilitator's room at its slot's time (slotOf).
    sql`insert into intervention.interventions (tenant_id, id, intervention_name, tier_level, focus_area,
          status, start_date, end_date, duration_weeks, schedule_days, start_time, session_minutes,
          frequency, measure_name, measure_unit, measure_direction, goal_value, created_by, room_id)
        select ${t}, ${uid("intervention", "k")}, 'Bench group ' || k, 2, 'Reading Fluency',
               case when k > ${int(completed)} then 'active' else 'completed' end,
               start, start + ${int(s.weeks * 7 - 3)}, ${int(s.weeks)}, '{MO,WE,FR}',
               to_char(${startTime}, 'HH24:MI'), ${int(s.sessionMinutes)},
               '3 times per week, 30 minutes', 'Words correct per minute', 'WCPM', 'higher', 90,
               ${SPECIALIST_USER_ID}, ${uid("room", facilitator)}
        from (
          select k, (date_trunc('week', ${today}::date)
                     - make_interval(weeks => case when k > ${int(completed)} then 8 + k % 4
                                                   else ${int(s.weeks + 1)} + k % 40 end))::date as start
          from generate_series(1, ${int(s.interventions)}) k
        ) plan`,
    sql`insert into intervention.intervention_facilitators (tenant_id, intervention_id, staff_id)
        select ${t}, ${uid("intervention", "k")}, ${uid("staff", `${s.teachers} + ${facilitator}`)}
        from generate_series(1, ${int(s.interventions)}) k`,
    // Six students a group; every fifth student, so each of them is in three groups over the year.
    sql`insert into intervention.intervention_enrollments (tenant_id, id, intervention_id, student_id,
          enrollment_date, is_active, exit_date, exit_reason)
        select ${t}, ${uid("enrollment", "k || '-' || j")}, i.id,
               ${uid("student", `(((k - 1) * ${s.studentsPerGroup} + j) * 5) % ${s.students} + 1`)},
               i.start_date, i.status = 'active',
               case when i.status = 'completed' then i.end_date end,
               case when i.status = 'completed' then 'Completed the planned duration' end
        from generate_series(1, ${int(s.interventions)}) k
        join intervention.interventions i on i.tenant_id = ${t} and i.id = ${uid("intervention", "k")}
        cross join generate_series(0, ${int(s.studentsPerGroup - 1)}) j`,
    // Inserting the sessions books their rooms and facilitators (schedule_bookings, written by
    // the trigger of drizzle/0010_scheduling.sql): 2 bookings a session.
    sql`insert into intervention.intervention_sessions (tenant_id, id, intervention_id, sequence,
          session_date, starts_at, minutes, status, notes, facilitator_id, room_id)
        select ${t}, ${uid("session", "k || '-' || (w * 3 + d + 1)")}, i.id, w * 3 + d + 1, day,
               (day + ${startTime}) at time zone ${TIME_ZONE}, ${int(s.sessionMinutes)},
               case when i.status = 'completed' then 'held' else 'scheduled' end,
               case when i.status = 'completed' then 'Blending drills, then repeated reading.' end,
               ${uid("staff", `${s.teachers} + ${facilitator}`)}, i.room_id
        from generate_series(1, ${int(s.interventions)}) k
        join intervention.interventions i on i.tenant_id = ${t} and i.id = ${uid("intervention", "k")}
        cross join generate_series(0, ${int(s.weeks - 1)}) w
        cross join generate_series(0, 2) d
        cross join lateral (select i.start_date + w * 7 + d * 2 as day) x`,
    sql`insert into intervention.session_attendance (tenant_id, id, session_id, student_id,
          attendance_status, recorded_at, recorded_by)
        select ${t}, gen_random_uuid(), s.id, e.student_id,
               case when r < 88 then 'present' when r < 95 then 'absent'
                    when r < 98 then 'tardy' else 'excused' end,
               s.starts_at + interval '30 minutes', ${SPECIALIST_USER_ID}
        from intervention.intervention_sessions s
        join intervention.intervention_enrollments e
          on e.tenant_id = s.tenant_id and e.intervention_id = s.intervention_id
        cross join lateral (select abs(hashtext(s.id::text || e.student_id::text)) % 100 as r) x
        where s.tenant_id = ${t} and s.status = 'held'`,
    sql`insert into intervention.probe_scores (tenant_id, id, intervention_id, student_id, session_id,
          score_date, value, recorded_by)
        select ${t}, gen_random_uuid(), s.intervention_id, e.student_id, s.id, s.session_date,
               40 + s.sequence * 1.2 + abs(hashtext(s.id::text || e.student_id::text)) % 9,
               ${SPECIALIST_USER_ID}
        from intervention.intervention_sessions s
        join intervention.intervention_enrollments e
          on e.tenant_id = s.tenant_id and e.intervention_id = s.intervention_id
        where s.tenant_id = ${t} and s.status = 'held' and s.sequence % 3 = 1`,
    sql`insert into intervention.progress_notes (tenant_id, id, intervention_id, student_id, note_date,
          observation, measure_name, measure_value, measure_unit, next_steps, progress_rating,
          visibility, created_by)
        select ${t}, gen_random_uuid(), e.intervention_id, e.student_id,
               least(e.enrollment_date + n * 11, ${today}::date - 1),
               'Read the weekly passage with fewer hesitations.', 'Words correct per minute',
               40 + n * 4, 'WCPM', 'Continue blending practice.',
               (array['exceeding', 'expected', 'some', 'none'])[1 + n % 4],
               (array['team', 'teachers', 'family'])[1 + n % 3], ${SPECIALIST_USER_ID}
        from intervention.intervention_enrollments e
        cross join generate_series(1, ${int(s.notesPerEnrollment)}) n
        where e.tenant_id = ${t}`,
  ];
}
