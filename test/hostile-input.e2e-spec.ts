import { aCourse, aHospital, aUser, aVolunteer } from './support/factories';
import { ADMIN, createTestApp, login, TestApp } from './support/test-app';
import { fileRequest, visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** JSON text nested `depth` arrays deep. */
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/**
 * Hostile input is a 4xx naming the field or the limit, never a 500: each cause of issue 16's
 * item 3 (the body parser's limits and media types, deep nesting, unpaired surrogates, NUL,
 * explicit nulls on NOT NULL columns, huge page numbers, inherited names as keys).
 */
describe('Hostile input gets a 4xx naming the field or the limit', () => {
  let t: TestApp;
  let staff: string;
  let coordinator: string;
  let requestId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    const world = await visitWorld(t, 0);
    staff = (await login(t, ADMIN.email, ADMIN.password)).auth;
    coordinator = world.coordinator.auth;
    requestId = (await fileRequest(t, coordinator, { startsAt: jst(20, '10:00'), endsAt: jst(20, '11:00') })).id;
  });
  afterAll(() => t.close());

  /** The instance still signs in and answers: what a crash in the pipe or a poisoned prototype would break. */
  async function stillHealthy(): Promise<void> {
    await t.http().post('/api/auth/login').send(ADMIN).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', staff).expect(200);
  }

  describe('the body parser', () => {
    it('answers a body over 100 kB with 413 naming the limit, and a request id', async () => {
      const res = await t
        .http()
        .post('/api/hospitals')
        .set('Authorization', staff)
        .send({ name: 'x'.repeat(150 * 1024), area: '中央区' })
        .expect(413);
      expect(res.body).toEqual({
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The body is larger than the limit of 100 kB',
        requestId: expect.stringMatching(UUID),
      });
      expect(res.headers['x-request-id']).toBe(res.body.requestId);
    });

    it("keeps the caller's request id on a 413 before sign-in", async () => {
      const res = await t
        .http()
        .post('/api/auth/login')
        .set('X-Request-Id', 'too-large-0001')
        .send({ email: ADMIN.email, password: 'x'.repeat(120 * 1024) })
        .expect(413);
      expect(res.body.requestId).toBe('too-large-0001');
    });

    it('answers an unsupported charset with 415 naming it', async () => {
      const res = await t
        .http()
        .post('/api/auth/login')
        .set('Content-Type', 'application/json; charset=latin1')
        .send(JSON.stringify(ADMIN))
        .expect(415);
      expect(res.body).toEqual({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringContaining('latin1'),
        requestId: expect.stringMatching(UUID),
      });
    });

    it('answers an unsupported content encoding with 415 naming it', async () => {
      const res = await t
        .http()
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'x-secret-zip')
        .send(JSON.stringify(ADMIN))
        .expect(415);
      expect(res.body).toEqual({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringContaining('x-secret-zip'),
        requestId: expect.stringMatching(UUID),
      });
    });

    it('answers a body in a media type the API does not read with 415, instead of judging it empty', async () => {
      for (const type of ['text/plain', 'application/xml', 'application/merge-patch+json']) {
        const res = await t
          .http()
          .post('/api/hospitals')
          .set('Authorization', staff)
          .set('Content-Type', type)
          .send('{"name":"病院","area":"中央区"}')
          .expect(415);
        expect(res.body).toEqual({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: `The body's media type ${type} is not read here; send application/json`,
          requestId: expect.stringMatching(UUID),
        });
      }
    });

    it('answers a form with more than 1000 fields with 413 naming the limit, and refuses inherited names in form keys', async () => {
      const many = await t
        .http()
        .post('/api/hospitals')
        .set('Authorization', staff)
        .type('form')
        .send(Array.from({ length: 1001 }, (_, i) => `f${i}=1`).join('&'))
        .expect(413);
      expect(many.body.message).toBe('The form has more fields than the limit of 1000');
      const proto = await t
        .http()
        .post('/api/auth/login')
        .type('form')
        .send('email[toString]=1&password=whatever-password')
        .expect(400);
      expect(Object.keys(proto.body.errors)).toEqual(['email.toString']);
    });

    it('answers malformed JSON with 400', async () => {
      const res = await t
        .http()
        .post('/api/hospitals')
        .set('Authorization', staff)
        .set('Content-Type', 'application/json')
        .send('{"name": "病院",')
        .expect(400);
      expect(res.body.requestId).toMatch(UUID);
    });
  });

  describe('deep nesting', () => {
    it('refuses JSON nested 5,000 deep in a field with 400 naming the field and the limit', async () => {
      const res = await t
        .http()
        .patch(`/api/requests/${requestId}`)
        .set('Authorization', coordinator)
        .set('Content-Type', 'application/json')
        .send(`{"patient":${nested(5000)}}`)
        .expect(400);
      expect(res.body.code).toBe('MALFORMED_INPUT');
      const [field] = Object.keys(res.body.errors);
      expect(field).toMatch(/^patient(\.0)+$/);
      expect(res.body.errors[field]).toEqual(['is nested too deeply (at most 32 levels of objects and arrays)']);
      await stillHealthy();
    });

    it('refuses a whole body nested 5,000 deep with 400', async () => {
      const res = await t
        .http()
        .post('/api/volunteers')
        .set('Authorization', staff)
        .set('Content-Type', 'application/json')
        .send(nested(5000))
        .expect(400);
      expect(res.body.code).toBe('MALFORMED_INPUT');
    });

    it('still takes the nesting the API uses (availability with exceptions)', async () => {
      const volunteer = await aVolunteer(t);
      await t
        .http()
        .put(`/api/volunteers/${volunteer.id}/availability`)
        .set('Authorization', staff)
        .send({
          weekly: [{ weekday: 1, start: '09:00', end: '17:00' }],
          exceptions: [{ date: '2026-12-24', available: false }],
        })
        .expect(200);
    });
  });

  describe('names every object inherits, as keys', () => {
    const BODIES = [
      '{"constructor":{"prototype":{}}}',
      '{"__proto__":{"role":"admin"}}',
      '{"toString":1}',
      '{"email":{"toString":1},"password":"whatever-password"}',
    ];

    it.each(BODIES)('refuses %s on login, users and request cancel with 400 naming the key', async (body) => {
      const calls = [
        t.http().post('/api/auth/login'),
        t.http().post('/api/users').set('Authorization', staff),
        t
          .http()
          .patch(`/api/users/${(await aUser(t)).id}`)
          .set('Authorization', staff),
        t.http().post(`/api/requests/${requestId}/cancel`).set('Authorization', coordinator),
      ];
      for (const call of calls) {
        const res = await call.set('Content-Type', 'application/json').send(body);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'MALFORMED_INPUT' });
        expect(Object.keys(res.body.errors)[0]).toMatch(/^(email\.)?(constructor|__proto__|toString)$/);
      }
      await stillHealthy();
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    });

    it('refuses them as query keys too', async () => {
      const res = await t
        .http()
        .get('/api/hospitals?constructor=1&__proto__=x')
        .set('Authorization', staff)
        .expect(400);
      expect(Object.keys(res.body.errors).sort()).toEqual(['__proto__', 'constructor']);
    });
  });

  describe('text PostgreSQL cannot hold', () => {
    it.each([
      ['login', '/api/auth/login', 'post', { password: 'whatever-password' }],
      ['a new user', '/api/users', 'post', { role: 'staff', displayName: '職員' }],
      [
        'a new volunteer',
        '/api/volunteers',
        'post',
        {
          displayName: 'ラン',
          nameKana: 'ラン',
          gender: 'female',
          homeArea: '中央区',
          languages: [{ code: 'vi', proficiency: 'native' }],
        },
      ],
    ])(
      'refuses an unpaired surrogate in the e-mail of %s with 400 naming email',
      async (_what, path, _method, rest) => {
        const body = JSON.stringify({ ...rest, email: 'SURROGATE@test.example.jp' }).replace('SURROGATE', 'lan\\ud800');
        const res = await t
          .http()
          .post(path)
          .set('Authorization', staff)
          .set('Content-Type', 'application/json')
          .send(body)
          .expect(400);
        expect(res.body.errors).toEqual({
          email: ['must be well-formed Unicode text (it holds an unpaired surrogate)'],
        });
      },
    );

    it('refuses NUL in a body string with 400 naming the field', async () => {
      const hospital = await aHospital(t);
      const res = await t
        .http()
        .patch(`/api/hospitals/${hospital.id}`)
        .set('Authorization', staff)
        .send({ name: '熊本\u0000病院' })
        .expect(400);
      expect(res.body.errors).toEqual({ name: ['must not contain the NUL character (\\u0000)'] });
    });

    it('refuses NUL in a nested body string with 400 naming the path', async () => {
      const res = await t
        .http()
        .patch(`/api/requests/${requestId}`)
        .set('Authorization', coordinator)
        .send({ patient: { displayName: 'グエン\u0000' } })
        .expect(400);
      expect(Object.keys(res.body.errors)).toEqual(['patient.displayName']);
    });

    it.each([
      '/api/hospitals?q=a%00',
      '/api/volunteers?q=%00',
      '/api/users?q=x%00y',
      '/api/audit-log?action=%00',
      '/api/requests?language=v%00',
    ])('refuses NUL in the query value of %s with 400 naming it', async (url) => {
      const res = await t.http().get(url).set('Authorization', staff).expect(400);
      expect(Object.keys(res.body.errors)).toEqual([new URL(url, 'http://x').searchParams.keys().next().value]);
    });
  });

  describe('the roster upload', () => {
    const HEADER = 'email,displayName,nameKana,phone,gender,homeArea,languages';
    const upload = (csv: string) =>
      t
        .http()
        .post('/api/volunteers/import')
        .set('Authorization', staff)
        .attach('file', Buffer.from(csv, 'utf8'), 'roster.csv');

    it('rejects NUL in a cell with 422 naming the row and the column, and imports nothing', async () => {
      const res = await upload(
        `${HEADER}\r\nnul@test.example.jp,グエン\u0000,グエン,,female,中央区,vi:native\r\n`,
      ).expect(422);
      expect(res.body).toEqual(
        expect.objectContaining({
          code: 'IMPORT_REJECTED',
          // Worded in Japanese unless the upload asks for lang=en.
          errors: { 'row 2': ['displayName: 2行目「氏名」: 使えない文字（NUL 文字や壊れた文字）が含まれています'] },
        }),
      );
    });

    it('rejects a column named __proto__ as an unknown column, not silently', async () => {
      const res = await upload(
        `${HEADER},__proto__\r\nproto@test.example.jp,グエン,グエン,,female,中央区,vi:native,x\r\n`,
      ).expect(422);
      expect(Object.keys(res.body.errors)).toEqual(['__proto__']);
    });
  });

  describe('numbers out of range', () => {
    it.each(['1e20', '99999999999999999999', '9007199254740993', '1000001'])(
      'refuses page=%s with 422 naming page',
      async (page) => {
        for (const list of [
          '/api/hospitals',
          '/api/users',
          '/api/requests',
          '/api/volunteers',
          '/api/courses',
          '/api/audit-log',
          '/api/dispatches',
          '/api/reports',
          '/api/mail',
        ]) {
          const res = await t.http().get(list).query({ page }).set('Authorization', staff);
          expect({ list, status: res.status, fields: Object.keys(res.body.errors ?? {}) }).toEqual({
            list,
            status: 422,
            fields: ['page'],
          });
        }
      },
    );

    it.each([1e-7, 1.5e-7, 1.234])(
      'refuses course hours of %s with 422 naming hours (class-validator maxDecimalPlaces threw on an exponent)',
      async (hours) => {
        const course = await aCourse(t);
        const res = await t
          .http()
          .patch(`/api/courses/${course.id}`)
          .set('Authorization', staff)
          .send({ hours })
          .expect(422);
        expect(Object.keys(res.body.errors)).toEqual(['hours']);
        await t.http().patch(`/api/courses/${course.id}`).set('Authorization', staff).send({ hours: 2.75 }).expect(200);
      },
    );

    it('still serves the last page allowed', async () => {
      await t.http().get('/api/hospitals').query({ page: 1_000_000 }).set('Authorization', staff).expect(200);
    });
  });

  describe('explicit null on a NOT NULL column', () => {
    /** Each PATCH body field whose column is NOT NULL: a null is refused with 422 naming it. */
    const CASES: Array<[string, string[]]> = [
      ['users', ['role', 'displayName', 'locale', 'active']],
      ['me', ['displayName', 'locale']],
      ['hospitals', ['name', 'area', 'address', 'active']],
      [
        'volunteers',
        [
          'displayName',
          'nameKana',
          'email',
          'gender',
          'homeArea',
          'languages',
          'level',
          'status',
          'maxDispatchesPerMonth',
        ],
      ],
      ['own volunteer profile', ['displayName', 'nameKana', 'email']],
      ['courses', ['title', 'kind', 'startsAt', 'endsAt', 'venue', 'capacity', 'hours']],
    ];

    async function target(what: string): Promise<{ path: string; auth: string }> {
      switch (what) {
        case 'users':
          return { path: `/api/users/${(await aUser(t)).id}`, auth: staff };
        case 'me':
          return { path: '/api/auth/me', auth: staff };
        case 'hospitals':
          return { path: `/api/hospitals/${(await aHospital(t)).id}`, auth: staff };
        case 'volunteers':
          return { path: `/api/volunteers/${(await aVolunteer(t)).id}`, auth: staff };
        case 'own volunteer profile': {
          const user = await aUser(t, { role: 'volunteer' });
          return { path: '/api/volunteers/me', auth: (await login(t, user.email, user.password)).auth };
        }
        default:
          return { path: `/api/courses/${(await aCourse(t)).id}`, auth: staff };
      }
    }

    it.each(CASES)('refuses a null in a PATCH of %s with 422 naming the field', async (what, fields) => {
      const { path, auth } = await target(what);
      for (const field of fields) {
        const res = await t
          .http()
          .patch(path)
          .set('Authorization', auth)
          .send({ [field]: null });
        expect({ field, status: res.status, code: res.body.code, errors: res.body.errors }).toEqual({
          field,
          status: 422,
          code: 'VALIDATION_FAILED',
          errors: { [field]: [`${field} must not be null`] },
        });
      }
    });

    it('refuses a null locale or address on create as well', async () => {
      const user = await t
        .http()
        .post('/api/users')
        .set('Authorization', staff)
        .send({ email: 'null-locale@test.example.jp', role: 'staff', displayName: '職員', locale: null })
        .expect(422);
      expect(user.body.errors).toEqual({ locale: ['locale must not be null'] });
      const hospital = await t
        .http()
        .post('/api/hospitals')
        .set('Authorization', staff)
        .send({ name: '病院', area: '中央区', address: null })
        .expect(422);
      expect(hospital.body.errors).toEqual({ address: ['address must not be null'] });
    });

    it('still clears with null what may be empty', async () => {
      const hospital = await aHospital(t);
      const cleared = await t
        .http()
        .patch(`/api/hospitals/${hospital.id}`)
        .set('Authorization', staff)
        .send({ phone: null })
        .expect(200);
      expect(cleared.body.phone).toBeNull();
      const volunteer = await aVolunteer(t, { phone: '090-0000-0000', insuranceValidUntil: '2027-03-31' });
      const v = await t
        .http()
        .patch(`/api/volunteers/${volunteer.id}`)
        .set('Authorization', staff)
        .send({ phone: null, insuranceValidUntil: null })
        .expect(200);
      expect(v.body).toEqual(expect.objectContaining({ phone: null, insuranceValidUntil: null }));
    });

    it('refuses a list where one object is expected (patient: []) with 400 naming it', async () => {
      const res = await t
        .http()
        .patch(`/api/requests/${requestId}`)
        .set('Authorization', coordinator)
        .send({ patient: [] })
        .expect(400);
      expect(Object.keys(res.body.errors)).toEqual(['patient']);
    });
  });
});
