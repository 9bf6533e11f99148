import { createTestApp, login, TestApp } from './support/test-app';
import { aCourse, aUser, aVolunteer } from './support/factories';

/**
 * A hand-worked fixture for the lapse and continuation lists.
 *
 * Today: 2026-11-27 (Tokyo), fiscal year 2026. `withinDays=30` → horizon 2026-12-27 (inclusive).
 * Default rule: an attended initial course, and a skill-up in the current or previous fiscal
 * year; standing holds until 31 March of the fiscal year after the latest skill-up.
 * No pledge validity period is configured, so only a missing pledge lapses.
 *
 * Courses: initial 2019-09-14; skill-ups 2024-03-30 (FY2023), 2024-06-01 (FY2024),
 * 2025-06-07 (FY2025), 2026-06-06 (FY2026).
 *
 * | who | status | pledge | insurance | training attended | training valid until | lapsing (≤ 2026-12-27) |
 * |---|---|---|---|---|---|---|
 * | A | active | yes | 2027-03-31 | initial, FY2025 | 2027-03-31 | — |
 * | B | active | yes | 2026-12-27 | initial, FY2026 | 2028-03-31 | insurance 2026-12-27 (on the horizon: included) |
 * | C | active | none | 2027-03-31 | initial, FY2026 | 2028-03-31 | pledge (missing) |
 * | D | active | yes | 2026-11-01 | initial, FY2024 | 2026-03-31 | insurance 2026-11-01 (lapsed), training 2026-03-31 (lapsed) |
 * | E | active | yes | 2026-12-28 | initial, FY2026 | 2028-03-31 | — (one day past the horizon) |
 * | H | active | yes | 2027-03-31 | initial, FY2023 | 2025-03-31 | training 2025-03-31 (lapsed) |
 * | I | active | yes | 2027-03-31 | FY2024 only | — (no initial) | training (missing) |
 * | J, K, L, M | active | yes | 2027-03-31 | none | — | training (missing) |
 * | F | retired | none | none | none | — | not listed (retired) |
 * | G | suspended | none | none | none | — | not listed (not active) |
 *
 * Continuation check (no dispatch and no training in FY2024–FY2026, i.e. since 2024-04-01;
 * retired volunteers are not listed; registration inside the window also counts as activity):
 * registered 2019-08-01 unless said otherwise.
 * * A (training 2025-06-07), B, C, D (2024-06-01), E: no.
 * * H: last training 2024-03-30 → due.
 * * I: skill-up 2024-06-01 → no.
 * * J: dispatch 2024-05-01 → no.  K: dispatch 2024-04-01 01:00 Tokyo (still 31 March in UTC) → no.
 * * L: dispatch 2024-03-31 23:00 Tokyo → due.
 * * M: registered 2024-04-01 00:00 Tokyo, nothing since → no.
 * * G (suspended, nothing) → due.  F (retired) → not listed.
 * So: G, H, L.
 */
describe('Volunteer lifecycle lists (API)', () => {
  let t: TestApp;
  let staff: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const user = await aUser(t, { role: 'staff' });
    staff = (await login(t, user.email, user.password)).auth;
    const course = async (kind: 'initial' | 'skill_up', date: string) =>
      (await aCourse(t, { kind, startsAt: `${date}T10:00:00+09:00`, endsAt: `${date}T13:00:00+09:00`, capacity: 50 }))
        .id;
    const courses = {
      initial: await course('initial', '2019-09-14'),
      fy2023: await course('skill_up', '2024-03-30'),
      fy2024: await course('skill_up', '2024-06-01'),
      fy2025: await course('skill_up', '2025-06-07'),
      fy2026: await course('skill_up', '2026-06-06'),
    };
    const ok = { pledgeSignedAt: '2019-09-14T12:00:00+09:00', insuranceValidUntil: '2027-03-31' };
    const fixture: [string, object, (keyof typeof courses)[], string?][] = [
      ['A', ok, ['initial', 'fy2025']],
      ['B', { ...ok, insuranceValidUntil: '2026-12-27' }, ['initial', 'fy2026']],
      ['C', { ...ok, pledgeSignedAt: null }, ['initial', 'fy2026']],
      ['D', { ...ok, insuranceValidUntil: '2026-11-01' }, ['initial', 'fy2024']],
      ['E', { ...ok, insuranceValidUntil: '2026-12-28' }, ['initial', 'fy2026']],
      ['H', ok, ['initial', 'fy2023']],
      ['I', ok, ['fy2024']],
      ['J', ok, []],
      ['K', ok, []],
      ['L', ok, []],
      ['M', ok, [], '2024-03-31T15:00:00Z'],
      ['F', { status: 'retired' }, []],
      ['G', { status: 'suspended' }, []],
    ];
    for (const [name, profile, attended, registeredAt] of fixture) {
      t.clock.set(registeredAt ?? '2019-08-01T00:00:00Z');
      ids[name] = (
        await aVolunteer(t, { displayName: `Volunteer ${name}`, nameKana: `ボランティア ${name}`, ...profile })
      ).id;
      // Attendance is marked after the courses took place (the API refuses it before).
      if (attended.length) t.clock.set('2026-11-27T03:00:00Z');
      for (const c of attended) {
        await t
          .http()
          .put(`/api/courses/${courses[c]}/attendance`)
          .set('Authorization', staff)
          .send([{ volunteerId: ids[name], status: 'attended' }])
          .expect(200);
      }
    }
    // What the dispatch feature will write when a dispatch completes (volunteers.last_dispatch_at).
    const dispatched = async (name: string, at: string) =>
      t.dataSource.query('UPDATE volunteers SET last_dispatch_at = $2 WHERE id = $1', [ids[name], at]);
    await dispatched('J', '2024-05-01T01:00:00Z');
    await dispatched('K', '2024-03-31T16:00:00Z');
    await dispatched('L', '2024-03-31T14:00:00Z');
    t.clock.set('2026-11-27T03:00:00Z');
  });
  afterAll(() => t.close());

  const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

  it('lists what lapses within 30 days, with the item and the date', async () => {
    const res = await t.http().get('/api/volunteers/lapsing?withinDays=30').set('Authorization', staff).expect(200);
    expect(res.body).toMatchObject({ today: '2026-11-27', until: '2026-12-27' });
    const byName = Object.fromEntries(
      res.body.data.map((row: { volunteerId: string; items: unknown[] }) => [nameOf(row.volunteerId), row.items]),
    );
    const training = (date: string | null, lapsed = true) => ({ item: 'training', date, lapsed });
    expect(byName).toEqual({
      B: [{ item: 'insurance', date: '2026-12-27', lapsed: false }],
      C: [{ item: 'pledge', date: null, lapsed: true }],
      D: [{ item: 'insurance', date: '2026-11-01', lapsed: true }, training('2026-03-31')],
      H: [training('2025-03-31')],
      I: [training(null)],
      J: [training(null)],
      K: [training(null)],
      L: [training(null)],
      M: [training(null)],
    });
    expect(res.body.total).toBe(9);
  });

  it('narrows with a shorter window (B’s insurance on 27 December is 30 days away, not 29)', async () => {
    const res = await t.http().get('/api/volunteers/lapsing?withinDays=29').set('Authorization', staff).expect(200);
    expect(res.body.data.map((row: { volunteerId: string }) => nameOf(row.volunteerId))).not.toContain('B');
    await t.http().get('/api/volunteers/lapsing?withinDays=-1').set('Authorization', staff).expect(422);
  });

  it('flags volunteers with no dispatch and no training in three fiscal years for a continuation check', async () => {
    const res = await t.http().get('/api/volunteers/continuation-check').set('Authorization', staff).expect(200);
    expect(res.body).toMatchObject({ today: '2026-11-27', windowStart: '2024-04-01', total: 3 });
    const due = Object.fromEntries(
      res.body.data.map((row: { volunteerId: string; lastActivityOn: string }) => [
        nameOf(row.volunteerId),
        row.lastActivityOn,
      ]),
    );
    expect(due).toEqual({ G: '2019-08-01', H: '2024-03-30', L: '2024-03-31' });
    // Nothing is deleted: staff decide.
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM volunteers'))[0].n).toBe(13);
  });
});
