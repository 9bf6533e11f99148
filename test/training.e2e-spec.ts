import { createTestApp, login, TestApp } from './support/test-app';
import { aCourse, aUser, aVolunteer } from './support/factories';

describe('Training (API)', () => {
  let t: TestApp;
  let staff: string;
  beforeAll(async () => {
    t = await createTestApp();
    const user = await aUser(t, { role: 'staff' });
    staff = (await login(t, user.email, user.password)).auth;
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const attendance = (courseId: string, entries: object) =>
    t.http().put(`/api/courses/${courseId}/attendance`).set('Authorization', staff).send(entries);

  describe('courses', () => {
    it('creates, lists, reads and updates a course', async () => {
      const created = await t
        .http()
        .post('/api/courses')
        .set('Authorization', staff)
        .send({
          title: '医療通訳ボランティア養成講座 2026',
          kind: 'initial',
          startsAt: '2026-06-06T10:00:00+09:00',
          endsAt: '2026-06-06T16:00:00+09:00',
          venue: '熊本市国際交流会館',
          capacity: 20,
          hours: 6,
        })
        .expect(201);
      expect(created.body).toMatchObject({
        kind: 'initial',
        capacity: 20,
        hours: 6,
        taken: 0,
        startsAt: '2026-06-06T01:00:00.000Z',
      });
      const list = await t.http().get('/api/courses?kind=initial').set('Authorization', staff).expect(200);
      expect(list.body.data.map((c: { id: string }) => c.id)).toContain(created.body.id);
      const patched = await t
        .http()
        .patch(`/api/courses/${created.body.id}`)
        .set('Authorization', staff)
        .send({ hours: 6.5, venue: '熊本県国際交流会館' })
        .expect(200);
      expect(patched.body).toMatchObject({
        hours: 6.5,
        venue: '熊本県国際交流会館',
        title: '医療通訳ボランティア養成講座 2026',
      });
      const detail = await t.http().get(`/api/courses/${created.body.id}`).set('Authorization', staff).expect(200);
      expect(detail.body).toMatchObject({ attendance: [] });
    });

    it.each([
      ['an end before the start', { endsAt: '2026-06-06T09:00:00+09:00' }, 'endsAt'],
      ['an unknown kind', { kind: 'refresher' }, 'kind'],
      ['a capacity of 0', { capacity: 0 }, 'capacity'],
    ])('refuses %s with 422, writing nothing', async (_what, overrides, field) => {
      const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM training_courses'))[0].n;
      const res = await t
        .http()
        .post('/api/courses')
        .set('Authorization', staff)
        .send({
          title: 'x',
          kind: 'skill_up',
          startsAt: '2026-06-06T10:00:00+09:00',
          endsAt: '2026-06-06T12:00:00+09:00',
          capacity: 5,
          hours: 2,
          ...overrides,
        })
        .expect(422);
      expect(res.body.errors).toHaveProperty(field);
      expect((await t.dataSource.query('SELECT count(*)::int AS n FROM training_courses'))[0].n).toBe(before);
    });

    it('sort=upcoming lists the courses not yet over soonest first, then the past ones latest first', async () => {
      t.clock.set('2026-12-07T12:00:00+09:00');
      const kind = 'initial' as const;
      const day = (d: string, title: string) =>
        aCourse(t, { kind, title, startsAt: `${d}T10:00:00+09:00`, endsAt: `${d}T16:00:00+09:00` });
      const lastYear = await day('2025-12-06', 'past, a year ago');
      const later = await day('2027-01-16', 'upcoming, later');
      const running = await day('2026-12-07', 'running today');
      const lastWeek = await day('2026-11-30', 'past, last week');
      const soon = await day('2026-12-12', 'upcoming, soon');
      const mine = new Set([lastYear, later, running, lastWeek, soon].map((c) => c.id));
      const res = await t
        .http()
        .get('/api/courses?kind=initial&sort=upcoming&perPage=100')
        .set('Authorization', staff)
        .expect(200);
      const titles = res.body.data.filter((c: { id: string }) => mine.has(c.id)).map((c: { title: string }) => c.title);
      expect(titles).toEqual([
        'running today',
        'upcoming, soon',
        'upcoming, later',
        'past, last week',
        'past, a year ago',
      ]);
    });

    it('is for staff only', async () => {
      const volunteer = await aUser(t, { role: 'volunteer' });
      const session = await login(t, volunteer.email, volunteer.password);
      await t.http().get('/api/courses').set('Authorization', session.auth).expect(403);
    });
  });

  describe('attendance and capacity', () => {
    it('upserts per volunteer and returns the attendance list', async () => {
      const course = await aCourse(t, { capacity: 3 });
      const [a, b] = [await aVolunteer(t), await aVolunteer(t)];
      await attendance(course.id, [
        { volunteerId: a.id, status: 'registered' },
        { volunteerId: b.id, status: 'registered' },
      ]).expect(200);
      const res = await attendance(course.id, [{ volunteerId: a.id, status: 'attended' }]).expect(200);
      expect(res.body.taken).toBe(2);
      expect(res.body.attendance).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ volunteerId: a.id, status: 'attended' }),
          expect.objectContaining({ volunteerId: b.id, status: 'registered' }),
        ]),
      );
      expect(res.body.attendance).toHaveLength(2);
    });

    it('takes registrations before a course starts but refuses attended or absent (409 naming the course), writing nothing', async () => {
      t.clock.set('2026-12-07T09:00:00+09:00');
      const course = await aCourse(t, {
        title: 'スキルアップ研修 眼科の用語',
        startsAt: '2026-12-20T13:30:00+09:00',
        endsAt: '2026-12-20T16:00:00+09:00',
      });
      const [a, b] = [await aVolunteer(t), await aVolunteer(t)];
      await attendance(course.id, [{ volunteerId: a.id, status: 'registered' }]).expect(200);
      const refused = await attendance(course.id, [
        { volunteerId: b.id, status: 'registered' },
        { volunteerId: a.id, status: 'attended' },
      ]).expect(409);
      expect(refused.body).toMatchObject({ code: 'COURSE_NOT_STARTED' });
      expect(refused.body.message).toContain('スキルアップ研修 眼科の用語');
      expect(refused.body.errors).toHaveProperty(['1.status']);
      await attendance(course.id, [{ volunteerId: b.id, status: 'absent' }]).expect(409);
      const stored = await t.dataSource.query(
        'SELECT volunteer_id, status FROM course_attendances WHERE course_id = $1',
        [course.id],
      );
      expect(stored).toEqual([{ volunteer_id: a.id, status: 'registered' }]);

      t.clock.set('2026-12-20T13:30:00+09:00'); // the course has started
      const marked = await attendance(course.id, [
        { volunteerId: a.id, status: 'attended' },
        { volunteerId: b.id, status: 'absent' },
      ]).expect(200);
      expect(marked.body.taken).toBe(1);
    });

    it('refuses more registered + attended than the capacity (409) and writes nothing; absences do not count', async () => {
      const course = await aCourse(t, { capacity: 2 });
      const [a, b, c] = [await aVolunteer(t), await aVolunteer(t), await aVolunteer(t)];
      await attendance(course.id, [
        { volunteerId: a.id, status: 'registered' },
        { volunteerId: b.id, status: 'attended' },
      ]).expect(200);
      const full = await attendance(course.id, [
        { volunteerId: c.id, status: 'registered' },
        { volunteerId: a.id, status: 'attended' },
      ]).expect(409);
      expect(full.body.code).toBe('COURSE_FULL');
      const detail = await t.http().get(`/api/courses/${course.id}`).set('Authorization', staff).expect(200);
      expect(
        detail.body.attendance.map((x: { volunteerId: string; status: string }) => [x.volunteerId, x.status]).sort(),
      ).toEqual(
        [
          [a.id, 'registered'],
          [b.id, 'attended'],
        ].sort(),
      );
      await attendance(course.id, [
        { volunteerId: a.id, status: 'absent' },
        { volunteerId: c.id, status: 'registered' },
      ]).expect(200);
      const lower = await t
        .http()
        .patch(`/api/courses/${course.id}`)
        .set('Authorization', staff)
        .send({ capacity: 1 })
        .expect(409);
      expect(lower.body.errors).toHaveProperty('capacity');
    });

    it('never exceeds the capacity under concurrent PUTs (the course row is locked)', async () => {
      const course = await aCourse(t, { capacity: 5 });
      const volunteers = await Promise.all(Array.from({ length: 8 }, () => aVolunteer(t)));
      const results = await Promise.all(
        volunteers.map((v) => attendance(course.id, [{ volunteerId: v.id, status: 'registered' }])),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(5);
      expect(results.filter((r) => r.status === 409)).toHaveLength(3);
      const taken = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM course_attendances WHERE course_id = $1 AND status <> 'absent'`,
        [course.id],
      );
      expect(taken[0].n).toBe(5);
    });

    it('takes a withdrawn registration off and frees its place; a marked attendance stays on the record', async () => {
      const course = await aCourse(t, { capacity: 1 });
      const [a, b, c] = [await aVolunteer(t), await aVolunteer(t), await aVolunteer(t)];
      await attendance(course.id, [{ volunteerId: a.id, status: 'registered' }]).expect(200);
      await attendance(course.id, [{ volunteerId: b.id, status: 'registered' }]).expect(409);
      const removed = await t
        .http()
        .delete(`/api/courses/${course.id}/attendance/${a.id}`)
        .set('Authorization', staff)
        .expect(200);
      expect(removed.body).toMatchObject({ taken: 0, attendance: [] });
      await attendance(course.id, [
        { volunteerId: b.id, status: 'attended' },
        { volunteerId: c.id, status: 'absent' },
      ]).expect(200);
      for (const marked of [b, c]) {
        const kept = await t
          .http()
          .delete(`/api/courses/${course.id}/attendance/${marked.id}`)
          .set('Authorization', staff)
          .expect(409);
        expect(kept.body).toMatchObject({ code: 'ATTENDANCE_RECORDED', errors: { volunteerId: [expect.any(String)] } });
      }
      await t.http().delete(`/api/courses/${course.id}/attendance/${a.id}`).set('Authorization', staff).expect(404);
      const volunteerUser = await aUser(t, { role: 'volunteer' });
      const auth = (await login(t, volunteerUser.email, volunteerUser.password)).auth;
      await t.http().delete(`/api/courses/${course.id}/attendance/${b.id}`).set('Authorization', auth).expect(403);
      const detail = await t.http().get(`/api/courses/${course.id}`).set('Authorization', staff).expect(200);
      expect(
        detail.body.attendance.map((x: { volunteerId: string; status: string }) => [x.volunteerId, x.status]).sort(),
      ).toEqual(
        [
          [b.id, 'attended'],
          [c.id, 'absent'],
        ].sort(),
      );
    });

    it('names bad entries by index: unknown volunteer, unknown status, duplicate, not an array', async () => {
      const course = await aCourse(t);
      const v = await aVolunteer(t);
      const unknown = await attendance(course.id, [
        { volunteerId: v.id, status: 'registered' },
        { volunteerId: '00000000-0000-4000-8000-000000000000', status: 'registered' },
      ]).expect(422);
      expect(unknown.body.errors).toHaveProperty(['1.volunteerId']);
      const status = await attendance(course.id, [{ volunteerId: v.id, status: 'maybe' }]).expect(422);
      expect(status.body.errors).toHaveProperty(['0.status']);
      const twice = await attendance(course.id, [
        { volunteerId: v.id, status: 'registered' },
        { volunteerId: v.id, status: 'attended' },
      ]).expect(422);
      expect(twice.body.errors).toHaveProperty(['1.volunteerId']);
      const extra = await attendance(course.id, [{ volunteerId: v.id, status: 'registered', note: 'x' }]).expect(400);
      expect(extra.body.errors).toHaveProperty(['0.note']);
      await attendance(course.id, { volunteerId: v.id, status: 'registered' }).expect(400);
      const stored = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM course_attendances WHERE course_id = $1',
        [course.id],
      );
      expect(stored[0].n).toBe(0);
    });
  });

  describe('training standing', () => {
    async function trainedVolunteer(skillUpStartsAt: string) {
      const v = await aVolunteer(t);
      const initial = await aCourse(t, {
        kind: 'initial',
        startsAt: '2024-09-14T10:00:00+09:00',
        endsAt: '2024-09-14T16:00:00+09:00',
      });
      const end = new Date(new Date(skillUpStartsAt).getTime() + 3 * 3600_000).toISOString();
      const skillUp = await aCourse(t, { kind: 'skill_up', startsAt: skillUpStartsAt, endsAt: end });
      await attendance(initial.id, [{ volunteerId: v.id, status: 'attended' }]).expect(200);
      await attendance(skillUp.id, [{ volunteerId: v.id, status: 'attended' }]).expect(200);
      return v;
    }

    it('counts a skill-up on 31 March (Tokyo) in the ending fiscal year: valid until 31 March next year', async () => {
      const v = await trainedVolunteer('2026-03-31T18:00:00+09:00');
      t.clock.set('2027-03-31T14:59:00Z'); // 2027-03-31 23:59 in Tokyo
      const res = await t.http().get(`/api/volunteers/${v.id}/training`).set('Authorization', staff).expect(200);
      expect(res.body).toMatchObject({
        ruleMet: true,
        validUntil: '2027-03-31',
        missing: [],
        lastSkillUpOn: '2026-03-31',
        initialCompletedOn: '2024-09-14',
      });
      expect(res.body.attendance).toHaveLength(2);
      t.clock.set('2027-03-31T15:00:00Z'); // 2027-04-01 00:00 in Tokyo
      const lapsed = await t.http().get(`/api/volunteers/${v.id}/training`).set('Authorization', staff).expect(200);
      expect(lapsed.body).toMatchObject({ ruleMet: false, validUntil: '2027-03-31', missing: ['skill_up'] });
    });

    it('counts a skill-up on 1 April (Tokyo, still 31 March in UTC) in the new fiscal year: valid a year longer', async () => {
      const v = await trainedVolunteer('2026-04-01T08:00:00+09:00');
      t.clock.set('2027-04-01T03:00:00Z');
      const res = await t.http().get(`/api/volunteers/${v.id}/training`).set('Authorization', staff).expect(200);
      expect(res.body).toMatchObject({ ruleMet: true, validUntil: '2028-03-31', lastSkillUpOn: '2026-04-01' });
    });

    it('shows a volunteer their own standing through /me/training and what is missing', async () => {
      const me = await aUser(t, { role: 'volunteer' });
      const session = await login(t, me.email, me.password);
      const res = await t.http().get('/api/volunteers/me/training').set('Authorization', session.auth).expect(200);
      expect(res.body).toMatchObject({
        volunteerId: me.volunteerId,
        ruleMet: false,
        validUntil: null,
        missing: ['initial_course', 'skill_up'],
        attendance: [],
      });
    });
  });
});
