import { CourseAttendance, Dispatch, InterpretationRequest, StatusTransition, TrainingCourse } from '@app/domain';
import { aHospital, aVolunteer } from './support/factories';
import { ADMIN, createTestApp, login, TestApp } from './support/test-app';

const MINUTE = 60_000;

interface Row {
  hospital: 'H1' | 'H2';
  language: string;
  department: string;
  startsAt: string;
  status: InterpretationRequest['status'];
  /** Minutes from filing to confirmation; filed 10 days before the visit. */
  confirmAfter?: number;
  dispatch?: { volunteer: 'V1' | 'V2' | 'V3'; status: Dispatch['status']; noShowParty?: 'patient' };
  shadow?: 'V1' | 'V2' | 'V3';
}

/**
 * The fiscal-year figures against a fixture counted by hand (the numbers in the comments). The
 * clock is 15 March 2026, inside fiscal year 2025 (1 April 2025 – 31 March 2026, Tokyo time).
 */
const FIXTURE: Row[] = [
  /* 1 */ {
    hospital: 'H1',
    language: 'vi',
    department: 'internal_medicine',
    startsAt: '2025-04-01T00:00:00+09:00',
    status: 'completed',
    confirmAfter: 30,
    dispatch: { volunteer: 'V1', status: 'completed' },
  },
  /* 2 */ {
    hospital: 'H1',
    language: 'vi',
    department: 'pediatrics',
    startsAt: '2025-04-15T10:00:00+09:00',
    status: 'completed',
    confirmAfter: 60,
    dispatch: { volunteer: 'V2', status: 'completed' },
  },
  /* 3 */ {
    hospital: 'H2',
    language: 'zh',
    department: 'internal_medicine',
    startsAt: '2025-06-10T10:00:00+09:00',
    status: 'completed',
    confirmAfter: 120,
    dispatch: { volunteer: 'V2', status: 'completed' },
    shadow: 'V1',
  },
  /* 4 */ {
    hospital: 'H2',
    language: 'ne',
    department: 'surgery',
    startsAt: '2025-06-20T14:00:00+09:00',
    status: 'confirmed',
    confirmAfter: 240,
    dispatch: { volunteer: 'V3', status: 'confirmed' },
  },
  /* 5: 31 March 23:30 JST belongs to the old year */
  {
    hospital: 'H1',
    language: 'vi',
    department: 'internal_medicine',
    startsAt: '2026-03-31T23:30:00+09:00',
    status: 'completed',
    confirmAfter: 10,
    dispatch: { volunteer: 'V1', status: 'completed' },
  },
  /* 6: 1 April 00:00 JST is the new year */
  {
    hospital: 'H1',
    language: 'vi',
    department: 'internal_medicine',
    startsAt: '2026-04-01T00:00:00+09:00',
    status: 'completed',
    confirmAfter: 999,
    dispatch: { volunteer: 'V1', status: 'completed' },
  },
  /* 7 */ {
    hospital: 'H2',
    language: 'ne',
    department: 'oncology',
    startsAt: '2025-09-01T10:00:00+09:00',
    status: 'escalated',
  },
  /* 8 */ {
    hospital: 'H2',
    language: 'ne',
    department: 'surgery',
    startsAt: '2025-10-01T10:00:00+09:00',
    status: 'open',
  },
  /* 9 */ {
    hospital: 'H1',
    language: 'tl',
    department: 'internal_medicine',
    startsAt: '2025-11-01T10:00:00+09:00',
    status: 'cancelled',
  },
  /* 10 */ {
    hospital: 'H1',
    language: 'vi',
    department: 'dermatology',
    startsAt: '2025-12-01T10:00:00+09:00',
    status: 'cancelled',
    confirmAfter: 20,
    dispatch: { volunteer: 'V1', status: 'cancelled' },
  },
  /* 11 */ {
    hospital: 'H2',
    language: 'zh',
    department: 'internal_medicine',
    startsAt: '2026-03-25T10:00:00+09:00',
    status: 'confirmed',
    confirmAfter: 45,
    dispatch: { volunteer: 'V2', status: 'no_show', noShowParty: 'patient' },
  },
  /* 12: visit still ahead of the clock */
  {
    hospital: 'H1',
    language: 'vi',
    department: 'internal_medicine',
    startsAt: '2026-03-31T10:00:00+09:00',
    status: 'open',
  },
  /* 13: 31 March 2025 23:30 JST: fiscal year 2024 */
  {
    hospital: 'H2',
    language: 'ne',
    department: 'surgery',
    startsAt: '2025-03-31T23:30:00+09:00',
    status: 'completed',
    confirmAfter: 5,
    dispatch: { volunteer: 'V3', status: 'completed' },
  },
];

describe('Figures for the fiscal year (API)', () => {
  let t: TestApp;
  let staff: string;
  const hospitals: Record<string, { id: string; name: string }> = {};

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-15T12:00:00+09:00');
    staff = (await login(t, ADMIN.email, ADMIN.password)).auth;
    hospitals.H1 = await aHospital(t, { name: 'A 熊本第一病院' });
    hospitals.H2 = await aHospital(t, { name: 'B 熊本第二病院' });
    const volunteers = {
      V1: await aVolunteer(t, { languages: ['vi'] }),
      V2: await aVolunteer(t, { languages: ['vi', 'zh'] }),
      V3: await aVolunteer(t, { languages: ['ne'] }),
    };
    for (const row of FIXTURE) {
      const startsAt = new Date(row.startsAt);
      const endsAt = new Date(startsAt.getTime() + 60 * MINUTE);
      const request = await t.dataSource.getRepository(InterpretationRequest).save({
        hospitalId: hospitals[row.hospital].id,
        language: row.language,
        startsAt,
        endsAt,
        department: row.department,
        visitType: 'outpatient',
        requiredLevel: 'standard',
        status: row.status,
      } as Partial<InterpretationRequest>);
      const filedAt = new Date(startsAt.getTime() - 10 * 24 * 60 * MINUTE);
      const transitions: Partial<StatusTransition>[] = [
        {
          subjectType: 'request',
          subjectId: request.id,
          fromStatus: null,
          toStatus: 'open',
          event: 'file',
          at: filedAt,
        },
      ];
      if (row.confirmAfter !== undefined) {
        transitions.push({
          subjectType: 'request',
          subjectId: request.id,
          fromStatus: 'offered',
          toStatus: 'confirmed',
          event: 'confirm',
          at: new Date(filedAt.getTime() + row.confirmAfter * MINUTE),
        });
      }
      await t.dataSource.getRepository(StatusTransition).insert(transitions);
      const dispatches = [
        ...(row.dispatch ? [{ ...row.dispatch, role: 'primary' as const }] : []),
        ...(row.shadow
          ? [{ volunteer: row.shadow, status: 'completed' as const, role: 'shadow' as const, noShowParty: undefined }]
          : []),
      ];
      for (const d of dispatches) {
        await t.dataSource.getRepository(Dispatch).insert({
          requestId: request.id,
          volunteerId: volunteers[d.volunteer].id,
          role: d.role,
          status: d.status,
          startsAt,
          endsAt,
          busyFrom: startsAt,
          busyUntil: endsAt,
          noShowParty: d.noShowParty ?? null,
          lateCancellation: d.status === 'cancelled',
        });
      }
    }
    const course = (kind: 'initial' | 'skill_up', startsAt: string, hours: number) =>
      t.dataSource.getRepository(TrainingCourse).save({
        title: `${kind} ${startsAt}`,
        kind,
        startsAt: new Date(startsAt),
        endsAt: new Date(new Date(startsAt).getTime() + hours * 60 * MINUTE),
        venue: '会館',
        capacity: 30,
        hours,
      } as Partial<TrainingCourse>);
    const attend = (courseId: string, v: keyof typeof volunteers, status: 'attended' | 'absent' | 'registered') =>
      t.dataSource.getRepository(CourseAttendance).insert({ courseId, volunteerId: volunteers[v].id, status });
    const initial = await course('initial', '2025-05-10T10:00:00+09:00', 6);
    await attend(initial.id, 'V1', 'attended');
    await attend(initial.id, 'V2', 'attended');
    await attend(initial.id, 'V3', 'absent');
    const skillUp1 = await course('skill_up', '2025-11-01T10:00:00+09:00', 3);
    await attend(skillUp1.id, 'V1', 'attended');
    const skillUp2 = await course('skill_up', '2026-03-31T21:00:00+09:00', 2);
    await attend(skillUp2.id, 'V2', 'attended');
    await attend(skillUp2.id, 'V3', 'registered');
    const nextYear = await course('skill_up', '2026-04-01T10:00:00+09:00', 4);
    await attend(nextYear.id, 'V3', 'attended');
  });
  afterAll(() => t.close());

  it('agrees with the hand count for fiscal year 2025', async () => {
    const res = await t.http().get('/api/stats/summary?fiscalYear=2025').set('Authorization', staff).expect(200);
    const s = res.body;
    expect(s).toMatchObject({ fiscalYear: 2025, from: '2025-03-31T15:00:00.000Z', to: '2026-03-31T15:00:00.000Z' });
    // Live primary dispatches: rows 1, 2, 3, 4, 5 (row 5 is 31 March 23:30; row 6 is next year, row 13 last year).
    expect(s.dispatches.total).toBe(5);
    expect(s.dispatches.byStatus).toEqual({ completed: 4, confirmed: 1, cancelled: 1, no_show: 1 });
    expect(s.dispatches.byLanguage).toEqual([
      { language: 'vi', count: 3 },
      { language: 'ne', count: 1 },
      { language: 'zh', count: 1 },
    ]);
    expect(s.dispatches.byHospital).toEqual([
      { hospitalId: hospitals.H1.id, hospitalName: hospitals.H1.name, count: 3 },
      { hospitalId: hospitals.H2.id, hospitalName: hospitals.H2.name, count: 2 },
    ]);
    expect(s.dispatches.byDepartment).toEqual([
      { department: 'internal_medicine', count: 3 },
      { department: 'pediatrics', count: 1 },
      { department: 'surgery', count: 1 },
    ]);
    expect(s.dispatches.byMonth).toHaveLength(12);
    expect(s.dispatches.byMonth[0]).toEqual({ month: '2025-04', count: 2 });
    expect(s.dispatches.byMonth.filter((m: { count: number }) => m.count > 0)).toEqual([
      { month: '2025-04', count: 2 },
      { month: '2025-06', count: 2 },
      { month: '2026-03', count: 1 },
    ]);
    // Requests 1–5 and 7–12: filled 1, 2, 3, 4, 5, 10, 11; unfilled 7, 8; pending 12; withdrawn 9. 7 / 9.
    expect(s.requests).toEqual({
      total: 11,
      filled: 7,
      unfilled: 2,
      pending: 1,
      withdrawn: 1,
      fillRate: 0.7778,
      unfilledByLanguage: [{ language: 'ne', count: 2 }],
    });
    // Filing → confirmation: 10, 20, 30, 45, 60, 120, 240 minutes. Median 45; p90 = 120 + 0.4 × 120 = 168.
    expect(s.timeToConfirmMinutes).toEqual({ count: 7, median: 45, p90: 168 });
    // vi: V1 (1, 5), V2 (2); zh: V2 (3), V1 shadowing (3); ne: V3 (4). Cancelled and no-show do not count.
    expect(s.activeVolunteers).toEqual({
      total: 3,
      byLanguage: [
        { language: 'vi', count: 2 },
        { language: 'zh', count: 2 },
        { language: 'ne', count: 1 },
      ],
    });
    // Initial: V1, V2 attended (6 h each), V3 absent. Skill-up: 1 Nov (V1, 3 h) and 31 Mar 21:00 (V2, 2 h); 1 April is next year.
    expect(s.training).toEqual([
      { kind: 'initial', courses: 1, attended: 2, volunteers: 2, hours: 12 },
      { kind: 'skill_up', courses: 2, attended: 2, volunteers: 2, hours: 5 },
    ]);
  });

  it('puts 1 April 00:00 in the new year and 31 March 23:30 in the old one', async () => {
    const next = (await t.http().get('/api/stats/summary?fiscalYear=2026').set('Authorization', staff).expect(200))
      .body;
    expect(next.dispatches.total).toBe(1);
    expect(next.dispatches.byMonth[0]).toEqual({ month: '2026-04', count: 1 });
    const previous = (await t.http().get('/api/stats/summary?fiscalYear=2024').set('Authorization', staff).expect(200))
      .body;
    expect(previous.dispatches.byMonth[11]).toEqual({ month: '2025-03', count: 1 });
    expect(previous.requests).toMatchObject({ total: 1, filled: 1, fillRate: 1 });
  });

  it('answers an empty year with zeros and refuses a bad one', async () => {
    const empty = (await t.http().get('/api/stats/summary?fiscalYear=2030').set('Authorization', staff).expect(200))
      .body;
    expect(empty).toMatchObject({
      dispatches: { total: 0 },
      requests: { total: 0, fillRate: null },
      timeToConfirmMinutes: { count: 0, median: null, p90: null },
    });
    await t
      .http()
      .get('/api/stats/summary?fiscalYear=abc')
      .set('Authorization', staff)
      .expect((res) => expect([400, 422]).toContain(res.status));
    await t
      .http()
      .get('/api/stats/summary')
      .set('Authorization', staff)
      .expect((res) => expect([400, 422]).toContain(res.status));
  });
});
