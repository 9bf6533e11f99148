import { compileAvailability, VolunteerSnapshot } from '@app/matching';
import { VolunteerSnapshots } from '../apps/api/src/matching/volunteer-snapshots';
import { VolunteersService } from '../apps/api/src/volunteers/volunteers.service';
import { createTestApp, TestApp } from './support/test-app';
import { aHospital, aQualifiedVolunteer, trainingCourses } from './support/workflow-fixtures';

const NOW = new Date('2026-11-27T09:00:00+09:00');
const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(NOW.getTime() + days * DAY);

/**
 * What the ranking's score reads from the database (#21 rewrote these statements for speed): the
 * pool's standing (pledge, training, this month's load) and, for the volunteers scored, past
 * work, load around now and the 180-day response rate — each figure checked against rows whose
 * answer is known, including the dispatch being moved, which counts for none of them.
 */
describe('Volunteer snapshots: what ranking reads about each volunteer', () => {
  let t: TestApp;
  let snapshots: VolunteerSnapshots;
  let hospitals: string[];
  let courses: Awaited<ReturnType<typeof trainingCourses>>;

  beforeAll(async () => {
    t = await createTestApp();
    snapshots = t.app.get(VolunteerSnapshots);
    courses = await trainingCourses(t);
    hospitals = [
      (await aHospital(t, { area: '中央区' })).id,
      (await aHospital(t, { area: '東区' })).id,
      (await aHospital(t, { area: '北区' })).id,
    ];
  });
  afterAll(() => t.close());

  /**
   * A past or future visit of `volunteerId` at `hospital`, with its dispatch in `status`. Written
   * as rows: the services file visits ahead of the clock and complete them only after it, and a
   * year of history around one instant is what this reader is for.
   */
  async function visit(
    volunteerId: string,
    startsAt: Date,
    opts: {
      hospital: string;
      department: string;
      patientKey: string | null;
      status: 'completed' | 'confirmed' | 'cancelled';
    },
  ): Promise<string> {
    const endsAt = new Date(startsAt.getTime() + 3_600_000);
    const [{ id: requestId }] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO requests (hospital_id, language, starts_at, ends_at, department, visit_type, required_level, status, patient_key)
       VALUES ($1, 'ne', $2, $3, $4, 'outpatient', 'standard', $5, $6) RETURNING id`,
      [opts.hospital, startsAt, endsAt, opts.department, opts.status, opts.patientKey],
    );
    const [{ id }] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO dispatches (request_id, volunteer_id, role, status, starts_at, ends_at, busy_from, busy_until, area)
       VALUES ($1, $2, 'primary', $3, $4, $5, $4, $5, '中央区') RETURNING id`,
      [requestId, volunteerId, opts.status, startsAt, endsAt],
    );
    await t.dataSource.query(
      `INSERT INTO offers (request_id, volunteer_id, role, status, wave, expires_at, responded_at, created_at)
       VALUES ($1, $2, 'primary', 'accepted', 1, $3, $3, $3)`,
      [requestId, volunteerId, new Date(startsAt.getTime() - 5 * DAY)],
    );
    return id;
  }

  /** An offer of someone else's request, answered `status`, sent `daysAgo` before now. */
  async function offer(volunteerId: string, status: 'declined' | 'expired' | 'withdrawn', daysAgo: number) {
    const [{ id: requestId }] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO requests (hospital_id, language, starts_at, ends_at, department, visit_type, required_level, status)
       VALUES ($1, 'ne', $2, $2::timestamptz + interval '1 hour', 'surgery', 'outpatient', 'standard', 'cancelled') RETURNING id`,
      [hospitals[0], daysFromNow(-daysAgo + 3)],
    );
    await t.dataSource.query(
      `INSERT INTO offers (request_id, volunteer_id, role, status, wave, expires_at, created_at)
       VALUES ($1, $2, 'primary', $3, 1, $4, $4)`,
      [requestId, volunteerId, status, daysFromNow(-daysAgo)],
    );
  }

  async function build(ids: string[], ignoreDispatchId?: string, needsScore?: (v: VolunteerSnapshot) => boolean) {
    const read = await snapshots.build(
      t.dataSource.manager,
      { ids },
      { visitStartsAt: daysFromNow(10), visitEndsAt: daysFromNow(10.05), now: NOW, ignoreDispatchId },
      needsScore,
    );
    return new Map(read.map((v) => [v.id, v]));
  }

  it('reads past work, the load around now and the response rate; the dispatch being moved counts for none', async () => {
    const v = await aQualifiedVolunteer(t, courses, { languages: ['ne'] });
    const [h1, h2, h3] = hospitals;
    // Completed: two internal medicine, one surgery (one 200 days ago, outside every load window).
    await visit(v.id, daysFromNow(-10), {
      hospital: h1,
      department: 'internal_medicine',
      patientKey: 'p-1',
      status: 'completed',
    });
    await visit(v.id, daysFromNow(-60), {
      hospital: h1,
      department: 'internal_medicine',
      patientKey: 'p-2',
      status: 'completed',
    });
    await visit(v.id, daysFromNow(-200), {
      hospital: h2,
      department: 'surgery',
      patientKey: null,
      status: 'completed',
    });
    // Ahead: one confirmed (counts for load and continuity, not for departments), one cancelled (nothing).
    await visit(v.id, daysFromNow(20), {
      hospital: h3,
      department: 'pediatrics',
      patientKey: 'p-3',
      status: 'confirmed',
    });
    await visit(v.id, daysFromNow(25), {
      hospital: h2,
      department: 'dentistry',
      patientKey: 'p-4',
      status: 'cancelled',
    });
    // Other answers: a withdrawn offer was no question put; one declined 200 days ago is too old.
    await offer(v.id, 'declined', 5);
    await offer(v.id, 'declined', 40);
    await offer(v.id, 'expired', 3);
    await offer(v.id, 'expired', 70);
    await offer(v.id, 'expired', 100);
    await offer(v.id, 'withdrawn', 2);
    await offer(v.id, 'declined', 200);

    const read = (await build([v.id])).get(v.id)!;
    expect(read.history.departments).toEqual({ internal_medicine: 2, surgery: 1 });
    expect([...read.history.hospitalIds].sort()).toEqual([h1, h2, h3].sort());
    expect([...read.history.patientKeys].sort()).toEqual(['p-1', 'p-2', 'p-3']);
    expect(read.assignmentsLast30d).toBe(2); // -10 and +20
    expect(read.assignmentsLast90d).toBe(3); // and -60
    // Within 180 days: accepted at -15, -65, +15 and +20 (the visit cancelled later: the offer was
    // still answered), declined at -5 and -40; expired at -3, -70 and -100.
    const answered = 4 + 2;
    const asked = answered + 3;
    expect(read.responseRate).toBeCloseTo(answered / asked, 10);

    // The confirmed visit being moved counts for no load, hospital or patient; its department never counted.
    const [moved] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM dispatches WHERE volunteer_id = $1 AND status = 'confirmed'`,
      [v.id],
    );
    const without = (await build([v.id], moved.id)).get(v.id)!;
    expect(without.assignmentsLast30d).toBe(1);
    expect(without.assignmentsLast90d).toBe(2);
    expect([...without.history.hospitalIds].sort()).toEqual([h1, h2].sort());
    expect([...without.history.patientKeys].sort()).toEqual(['p-1', 'p-2']);
    expect(without.history.departments).toEqual({ internal_medicine: 2, surgery: 1 });
  });

  it('reads the standing of everyone and scores only whom the caller names', async () => {
    const scored = await aQualifiedVolunteer(t, courses, { languages: ['ne'] });
    const unscored = await aQualifiedVolunteer(t, courses, { languages: ['ne'] });
    for (const id of [scored.id, unscored.id])
      await visit(id, daysFromNow(-3), {
        hospital: hospitals[0],
        department: 'surgery',
        patientKey: 'p-9',
        status: 'completed',
      });

    const read = await build([scored.id, unscored.id], undefined, (v) => v.id === scored.id);
    expect(read.get(scored.id)!.history.departments).toEqual({ surgery: 1 });
    expect(read.get(scored.id)!.assignmentsLast30d).toBe(1);
    expect(read.get(unscored.id)!.history).toEqual({ patientKeys: [], hospitalIds: [], departments: {} });
    expect(read.get(unscored.id)!.responseRate).toBeNull();
    // Standing is read for both: pledge as epoch ms, training from the attended courses.
    for (const id of [scored.id, unscored.id]) {
      expect(read.get(id)!.pledgeSignedAt).toBe(new Date('2025-04-01T00:00:00+09:00').getTime());
      expect(read.get(id)!.trainingOk).toBe(true);
    }
  });

  it("reads a volunteer's availability again once it was edited, and keeps it compiled until then", async () => {
    const v = await aQualifiedVolunteer(t, courses, { languages: ['ne'] });
    const first = (await build([v.id])).get(v.id)!;
    expect((await build([v.id])).get(v.id)!.availability).toBe(first.availability);

    const mornings = { weekly: [{ weekday: 1, start: '09:00', end: '12:00' }], exceptions: [] };
    const staff = {
      id: v.id,
      email: 'staff@test.example.jp',
      role: 'staff' as const,
      hospitalId: null,
      volunteerId: null,
    };
    await t.app.get(VolunteersService).putAvailability(staff, v.id, mornings);
    const edited = (await build([v.id])).get(v.id)!;
    expect(edited.availability).not.toBe(first.availability);
    expect(edited.availability).toEqual(compileAvailability(mornings));
  });
});
