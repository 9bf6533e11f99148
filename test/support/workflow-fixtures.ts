import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import { CourseAttendance } from '@app/domain';
import { aCourse, aHospital, aVolunteer } from './factories';
import { TestApp } from './test-app';

/** The test clock's "today": programme time, early December 2026 (fiscal year 2026). */
export const TODAY = '2026-12-01T09:00:00+09:00';

/** `offsetMs` from an instant: `at(startsAt, -12 * HOUR)`. */
export const at = (instant: string | Date, offsetMs: number) => new Date(new Date(instant).getTime() + offsetMs);

/** Sets the test clock to `when` and runs the timers due by then (waves, expiries, deadlines, mail). */
export async function runJobsAt(t: TestApp, when: Date): Promise<void> {
  t.clock.set(when);
  await t.app.get(JobsService).runDue(100);
}

/** Every day, all day: availability that never excludes. */
export const ALWAYS = {
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
  exceptions: [],
};

/** A Tokyo wall time on a December 2026 day: `jst(8, '10:00')`. */
export function jst(day: number, time: string): string {
  return `2026-12-${String(day).padStart(2, '0')}T${time}:00+09:00`;
}

/**
 * Courses that make a volunteer's training rule hold in fiscal year 2026 (initial course attended
 * in 2025, skill-up in June 2026). Made once per test app.
 */
export async function trainingCourses(t: TestApp) {
  const initial = await aCourse(t, {
    kind: 'initial',
    startsAt: '2025-05-10T10:00:00+09:00',
    endsAt: '2025-05-10T16:00:00+09:00',
    capacity: 1000,
  });
  const skillUp = await aCourse(t, {
    kind: 'skill_up',
    startsAt: '2026-06-06T10:00:00+09:00',
    endsAt: '2026-06-06T16:00:00+09:00',
    capacity: 1000,
  });
  return { initial, skillUp };
}

/** A volunteer who passes every standing rule (pledge, insurance, training) and is always free. */
export async function aQualifiedVolunteer(
  t: TestApp,
  courses: Awaited<ReturnType<typeof trainingCourses>>,
  overrides: Parameters<typeof aVolunteer>[1] = {},
) {
  const volunteer = await aVolunteer(t, {
    pledgeSignedAt: '2025-04-01T00:00:00+09:00',
    insuranceValidUntil: '2027-03-31',
    availability: ALWAYS,
    maxDispatchesPerMonth: 20,
    ...overrides,
  });
  // The training record written directly: tests move the clock to before these courses, and the
  // API only takes attendance on a course that has started.
  const attendances = t.dataSource.getRepository(CourseAttendance);
  await attendances.insert({ courseId: courses.initial.id, volunteerId: volunteer.id, status: 'attended' });
  await attendances.insert({ courseId: courses.skillUp.id, volunteerId: volunteer.id, status: 'attended' });
  return volunteer;
}

export { aHospital };
