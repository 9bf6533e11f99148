import { createTestApp, login, TestApp } from './support/test-app';
import { aHospital, aUser, aVolunteer } from './support/factories';

const body = (overrides: Record<string, unknown> = {}) => ({
  displayName: 'グエン・ティ・ラン',
  nameKana: 'グエン ティ ラン',
  email: 'lan@test.example.jp',
  phone: '090-1234-5678',
  gender: 'female',
  homeArea: '中央区',
  languages: [
    { code: 'vi', proficiency: 'native' },
    { code: 'en', proficiency: 'business' },
  ],
  level: 'standard',
  pledgeSignedAt: '2026-04-10T10:00:00+09:00',
  insuranceValidUntil: '2027-03-31',
  maxDispatchesPerMonth: 6,
  ...overrides,
});

describe('Volunteers (API)', () => {
  let t: TestApp;
  let staff: string;
  let staffId: string;
  const count = async (table: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    const user = await aUser(t, { role: 'staff' });
    staffId = user.id;
    staff = (await login(t, user.email, user.password)).auth;
  });
  afterAll(() => t.close());

  describe('registration', () => {
    it('registers a volunteer with languages and availability, and gives them an account to sign in with', async () => {
      const created = await t
        .http()
        .post('/api/volunteers')
        .set('Authorization', staff)
        .send(
          body({
            availability: {
              weekly: [{ weekday: 1, start: '09:00', end: '12:00' }],
              exceptions: [{ date: '2026-12-29', available: false }],
            },
          }),
        )
        .expect(201);
      expect(created.body).toMatchObject({
        email: 'lan@test.example.jp',
        languages: [
          { code: 'vi', proficiency: 'native' },
          { code: 'en', proficiency: 'business' },
        ],
        level: 'standard',
        status: 'active',
        insuranceValidUntil: '2027-03-31',
        pledgeSignedAt: '2026-04-10T01:00:00.000Z',
        availability: {
          weekly: [{ weekday: 1, start: '09:00', end: '12:00' }],
          exceptions: [{ date: '2026-12-29', available: false }],
        },
        bans: [],
        levelHistory: [],
        account: null,
      });
      const account = await t
        .http()
        .post(`/api/volunteers/${created.body.id}/account`)
        .set('Authorization', staff)
        .send({ password: 'volunteer-pass-1' })
        .expect(201);
      expect(account.body).toMatchObject({
        role: 'volunteer',
        volunteerId: created.body.id,
        email: 'lan@test.example.jp',
      });
      const session = await login(t, 'lan@test.example.jp', 'volunteer-pass-1');
      const me = await t.http().get('/api/volunteers/me').set('Authorization', session.auth).expect(200);
      expect(me.body).toMatchObject({ id: created.body.id, displayName: 'グエン・ティ・ラン' });
      await t
        .http()
        .post(`/api/volunteers/${created.body.id}/account`)
        .set('Authorization', staff)
        .send({ email: 'other@test.example.jp' })
        .expect(409);
    });

    it.each([
      ['an unknown language code', { languages: [{ code: 'xx', proficiency: 'native' }] }, 422, 'languages.0.code'],
      ['a level the enum lacks', { level: 'expert' }, 422, 'level'],
      [
        'a proficiency the enum lacks',
        { languages: [{ code: 'vi', proficiency: 'basic' }] },
        422,
        'languages.0.proficiency',
      ],
      ['a date that does not exist', { insuranceValidUntil: '2026-02-30' }, 422, 'insuranceValidUntil'],
      ['an area outside Kumamoto', { homeArea: '博多区' }, 422, 'homeArea'],
      [
        'a language listed twice',
        {
          languages: [
            { code: 'vi', proficiency: 'native' },
            { code: 'vi', proficiency: 'fluent' },
          ],
        },
        422,
        'languages.1.code',
      ],
      ['a wrongly typed field', { maxDispatchesPerMonth: 'many' }, 400, 'maxDispatchesPerMonth'],
      ['an unknown field', { nickname: 'x' }, 400, 'nickname'],
      [
        'bad availability inside the profile',
        { availability: { weekly: [{ weekday: 8, start: '09:00', end: '10:00' }], exceptions: [] } },
        422,
        'availability.weekly[0].weekday',
      ],
    ])('refuses %s naming the field, and writes nothing', async (_what, overrides, status, field) => {
      const before = await count('volunteers');
      const res = await t
        .http()
        .post('/api/volunteers')
        .set('Authorization', staff)
        .send(body({ email: 'bad@test.example.jp', ...overrides }))
        .expect(status);
      expect(res.body.errors).toHaveProperty([field]);
      expect(await count('volunteers')).toBe(before);
    });

    it('answers a second volunteer with the same e-mail with 409', async () => {
      await aVolunteer(t, { email: 'twice@test.example.jp' });
      const res = await t
        .http()
        .post('/api/volunteers')
        .set('Authorization', staff)
        .send(body({ email: 'TWICE@test.example.jp' }))
        .expect(409);
      expect(res.body).toMatchObject({ code: 'VOLUNTEER_EMAIL_TAKEN', errors: { email: expect.any(Array) } });
    });
  });

  describe('list', () => {
    it('filters by language, level, status and text', async () => {
      const nepali = await aVolunteer(t, {
        languages: ['ne'],
        level: 'advanced',
        displayName: 'ラマ・スニタ',
        nameKana: 'ラマ スニタ',
      });
      await aVolunteer(t, { languages: ['ne'], level: 'trainee', status: 'suspended' });
      const ids = async (query: string) =>
        (await t.http().get(`/api/volunteers?${query}`).set('Authorization', staff).expect(200)).body.data.map(
          (v: { id: string }) => v.id,
        );
      expect(await ids('language=ne&level=advanced')).toEqual([nepali.id]);
      expect(await ids('language=ne&status=active')).toEqual([nepali.id]);
      expect(await ids(`q=${encodeURIComponent('スニタ')}`)).toEqual([nepali.id]);
      await t.http().get('/api/volunteers?language=xx').set('Authorization', staff).expect(422);
    });
  });

  describe('scope', () => {
    it('refuses a coordinator every volunteer route with 403', async () => {
      const coordinator = await aUser(t, { role: 'coordinator' });
      const session = await login(t, coordinator.email, coordinator.password);
      const v = await aVolunteer(t);
      await t.http().get('/api/volunteers').set('Authorization', session.auth).expect(403);
      await t.http().get(`/api/volunteers/${v.id}`).set('Authorization', session.auth).expect(403);
      await t.http().get('/api/volunteers/export.csv').set('Authorization', session.auth).expect(403);
    });

    it('lets a volunteer read only themselves: another volunteer is 404, staff routes 403', async () => {
      const me = await aUser(t, { role: 'volunteer' });
      const other = await aVolunteer(t);
      const session = await login(t, me.email, me.password);
      const own = await t
        .http()
        .get(`/api/volunteers/${me.volunteerId}`)
        .set('Authorization', session.auth)
        .expect(200);
      expect(own.body).not.toHaveProperty('bans');
      await t.http().get(`/api/volunteers/${other.id}`).set('Authorization', session.auth).expect(404);
      await t.http().get(`/api/volunteers/${other.id}/availability`).set('Authorization', session.auth).expect(404);
      await t
        .http()
        .put(`/api/volunteers/${other.id}/availability`)
        .set('Authorization', session.auth)
        .send({ weekly: [], exceptions: [] })
        .expect(404);
      await t.http().get(`/api/volunteers/${other.id}/training`).set('Authorization', session.auth).expect(404);
      await t.http().get('/api/volunteers').set('Authorization', session.auth).expect(403);
      await t
        .http()
        .patch(`/api/volunteers/${me.volunteerId}`)
        .set('Authorization', session.auth)
        .send({ phone: '1' })
        .expect(403);
      await t.http().get('/api/volunteers/lapsing').set('Authorization', session.auth).expect(403);
    });

    it('lets a volunteer edit their contact details, and refuses level, status, bans or cap as unknown fields (400)', async () => {
      const me = await aUser(t, { role: 'volunteer' });
      const session = await login(t, me.email, me.password);
      const ok = await t
        .http()
        .patch('/api/volunteers/me')
        .set('Authorization', session.auth)
        .send({ phone: '080-9999-0000', nameKana: 'テスト タロウ' })
        .expect(200);
      expect(ok.body).toMatchObject({ phone: '080-9999-0000', nameKana: 'テスト タロウ', level: 'standard' });
      for (const field of ['level', 'status', 'bans', 'maxDispatchesPerMonth']) {
        const res = await t
          .http()
          .patch('/api/volunteers/me')
          .set('Authorization', session.auth)
          .send({ [field]: 'advanced', phone: '1' })
          .expect(400);
        expect(res.body).toMatchObject({ code: 'UNKNOWN_FIELD', errors: { [field]: expect.any(Array) } });
      }
      const after = await t.http().get('/api/volunteers/me').set('Authorization', session.auth).expect(200);
      expect(after.body).toMatchObject({ phone: '080-9999-0000', level: 'standard', maxDispatchesPerMonth: 4 });
    });
  });

  describe('availability', () => {
    const put = (id: string, payload: object, auth = staff) =>
      t.http().put(`/api/volunteers/${id}/availability`).set('Authorization', auth).send(payload);

    it('stores and returns the weekly pattern and exceptions', async () => {
      const v = await aVolunteer(t);
      const doc = {
        weekly: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 3, start: '13:00', end: '24:00' },
        ],
        exceptions: [{ date: '2026-12-29', available: true, start: '10:00', end: '11:00' }],
      };
      await put(v.id, doc).expect(200);
      expect(
        (await t.http().get(`/api/volunteers/${v.id}/availability`).set('Authorization', staff).expect(200)).body,
      ).toEqual(doc);
    });

    it.each([
      [
        'overlapping slots',
        {
          weekly: [
            { weekday: 2, start: '09:00', end: '12:00' },
            { weekday: 2, start: '11:00', end: '13:00' },
          ],
          exceptions: [],
        },
        'weekly[1]',
      ],
      [
        'an end before the start',
        { weekly: [{ weekday: 2, start: '12:00', end: '09:00' }], exceptions: [] },
        'weekly[0].end',
      ],
      ['weekday 8', { weekly: [{ weekday: 8, start: '09:00', end: '12:00' }], exceptions: [] }, 'weekly[0].weekday'],
      [
        'a date that does not exist',
        { weekly: [], exceptions: [{ date: '2026-02-30', available: false }] },
        'exceptions[0].date',
      ],
      ['a malformed time', { weekly: [{ weekday: 1, start: '9am', end: '12:00' }], exceptions: [] }, 'weekly[0].start'],
    ])('refuses %s with 422 naming the slot, and keeps what was stored', async (_what, doc, field) => {
      const v = await aVolunteer(t, {
        availability: { weekly: [{ weekday: 5, start: '10:00', end: '11:00' }], exceptions: [] },
      });
      const res = await put(v.id, doc).expect(422);
      expect(res.body.errors).toHaveProperty([field]);
      const stored = await t.http().get(`/api/volunteers/${v.id}/availability`).set('Authorization', staff).expect(200);
      expect(stored.body).toEqual({ weekly: [{ weekday: 5, start: '10:00', end: '11:00' }], exceptions: [] });
    });

    it('refuses a wrongly typed document with 400', async () => {
      const v = await aVolunteer(t);
      await put(v.id, { weekly: [{ weekday: '1', start: '09:00', end: '12:00' }], exceptions: [] }).expect(400);
      await put(v.id, { weekly: [] }).expect(400);
    });

    it('lets a volunteer read and replace their own through /me/availability', async () => {
      const me = await aUser(t, { role: 'volunteer' });
      const session = await login(t, me.email, me.password);
      const doc = { weekly: [{ weekday: 6, start: '09:00', end: '17:00' }], exceptions: [] };
      await t.http().put('/api/volunteers/me/availability').set('Authorization', session.auth).send(doc).expect(200);
      expect(
        (await t.http().get('/api/volunteers/me/availability').set('Authorization', session.auth).expect(200)).body,
      ).toEqual(doc);
      await t
        .http()
        .put('/api/volunteers/me/availability')
        .set('Authorization', session.auth)
        .send({ weekly: [{ weekday: 0, start: '09:00', end: '17:00' }], exceptions: [] })
        .expect(422);
    });
  });

  describe('level changes', () => {
    it('requires a reason and records who, when and why', async () => {
      const v = await aVolunteer(t, { level: 'trainee' });
      const refused = await t
        .http()
        .patch(`/api/volunteers/${v.id}`)
        .set('Authorization', staff)
        .send({ level: 'standard' })
        .expect(422);
      expect(refused.body.errors).toHaveProperty('levelChangeReason');
      // A rule of the service (InvalidError.field), coded like the validation pipe's refusals.
      expect(refused.body.fieldErrors).toEqual([
        { field: 'levelChangeReason', code: 'REQUIRED', message: expect.stringContaining('needs a reason') },
      ]);
      expect(await count(`volunteer_level_changes WHERE volunteer_id = '${v.id}'`)).toBe(0);

      t.clock.set('2026-07-01T03:00:00Z');
      await t
        .http()
        .patch(`/api/volunteers/${v.id}`)
        .set('Authorization', staff)
        .send({ level: 'standard', levelChangeReason: '養成講座修了' })
        .expect(200);
      t.clock.set('2026-09-01T03:00:00Z');
      const res = await t
        .http()
        .patch(`/api/volunteers/${v.id}`)
        .set('Authorization', staff)
        .send({ level: 'advanced', levelChangeReason: 'スキルアップ研修（IC）修了', phone: '090-0000-1111' })
        .expect(200);
      t.clock.reset();
      expect(res.body).toMatchObject({ level: 'advanced', phone: '090-0000-1111' });
      expect(res.body.levelHistory).toEqual([
        {
          from: 'trainee',
          to: 'standard',
          changedBy: staffId,
          changedByName: expect.any(String),
          reason: '養成講座修了',
          at: '2026-07-01T03:00:00.000Z',
        },
        {
          from: 'standard',
          to: 'advanced',
          changedBy: staffId,
          changedByName: expect.any(String),
          reason: 'スキルアップ研修（IC）修了',
          at: '2026-09-01T03:00:00.000Z',
        },
      ]);
      // Same level again: nothing to record, no reason needed.
      await t
        .http()
        .patch(`/api/volunteers/${v.id}`)
        .set('Authorization', staff)
        .send({ level: 'advanced' })
        .expect(200);
      expect(await count(`volunteer_level_changes WHERE volunteer_id = '${v.id}'`)).toBe(2);
    });
  });

  describe('bans', () => {
    it('records a hospital or a patient that asked not to have the volunteer, and removes it', async () => {
      const v = await aVolunteer(t);
      const hospital = await aHospital(t);
      const ban = await t
        .http()
        .post(`/api/volunteers/${v.id}/bans`)
        .set('Authorization', staff)
        .send({ hospitalId: hospital.id, reason: '病院からの申し出' })
        .expect(201);
      await t
        .http()
        .post(`/api/volunteers/${v.id}/bans`)
        .set('Authorization', staff)
        .send({ patientKey: 'P-0001', reason: '患者の希望' })
        .expect(201);
      await t
        .http()
        .post(`/api/volunteers/${v.id}/bans`)
        .set('Authorization', staff)
        .send({ hospitalId: hospital.id, reason: 'again' })
        .expect(409);
      const both = await t
        .http()
        .post(`/api/volunteers/${v.id}/bans`)
        .set('Authorization', staff)
        .send({ hospitalId: hospital.id, patientKey: 'P-2', reason: 'x' })
        .expect(422);
      expect(both.body.errors).toHaveProperty('hospitalId');
      const unknown = await t
        .http()
        .post(`/api/volunteers/${v.id}/bans`)
        .set('Authorization', staff)
        .send({ hospitalId: '00000000-0000-4000-8000-000000000000', reason: 'x' })
        .expect(422);
      expect(unknown.body.errors).toHaveProperty('hospitalId');

      const detail = await t.http().get(`/api/volunteers/${v.id}`).set('Authorization', staff).expect(200);
      expect(detail.body.bans).toEqual([
        expect.objectContaining({
          hospitalId: hospital.id,
          patientKey: null,
          reason: '病院からの申し出',
          createdBy: staffId,
        }),
        expect.objectContaining({ hospitalId: null, patientKey: 'P-0001' }),
      ]);
      await t.http().delete(`/api/volunteers/${v.id}/bans/${ban.body.id}`).set('Authorization', staff).expect(204);
      await t.http().delete(`/api/volunteers/${v.id}/bans/${ban.body.id}`).set('Authorization', staff).expect(404);
    });
  });
});
