import { createHash, randomBytes } from 'node:crypto';
import { MailSender } from '../apps/api/src/mail/mail-sender';
import { aUser } from './support/factories';
import { TestSmtpServer } from './support/smtp-server';
import { createTestApp, login, TestApp } from './support/test-app';
import { fileRequest, PATIENT, visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

const APP_URL = 'https://dispatch.example.jp';
const DAY = 86_400_000;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** An iCalendar file's content lines, folding undone. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const eventsOf = (ics: string) => unfold(ics).match(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT/g) ?? [];
/** The file's one event (a dispatch's link answers exactly one). */
const onlyEvent = (ics: string): string => {
  const events = eventsOf(ics);
  expect(events).toHaveLength(1);
  return events[0]!;
};
const pathOf = (url: string) => url.slice(APP_URL.length);

/**
 * The confirmation mail's 「予定表に追加する」 opened the signed-in API route, and a phone showed
 * `{"code":"UNAUTHENTICATED"}`. Now the mail carries a per-dispatch link made when the mail leaves,
 * and each volunteer has a subscription feed they can renew; both open without signing in.
 */
describe('A calendar that works from a mail', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;
  let coordinatorName: string;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await createTestApp({ SMTP_URL: smtp.url, APP_URL });
    t.clock.set(TODAY);
    world = await visitWorld(t, 2);
    coordinatorName = world.coordinator.displayName;
    // The second volunteer reads English.
    await t
      .http()
      .patch('/api/auth/me')
      .set('Authorization', world.volunteers[1].auth)
      .send({ locale: 'en' })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** Files a visit, gives it notes for the interpreter, has staff assign it; answers the ids. */
  async function confirmedVisit(day: number, volunteerIndex: number, notes: string | null = null) {
    const { id: requestId } = await fileRequest(t, world.coordinator.auth, {
      startsAt: jst(day, '10:00'),
      endsAt: jst(day, '11:00'),
    });
    if (notes)
      await t.dataSource.query(`UPDATE requests SET notes_for_interpreter = $2 WHERE id = $1`, [requestId, notes]);
    const assigned = await t
      .http()
      .post(`/api/requests/${requestId}/assign`)
      .set('Authorization', world.staff)
      .send({ volunteerId: world.volunteers[volunteerIndex].id })
      .expect(200);
    return { requestId, dispatchId: assigned.body.dispatch.id as string };
  }

  /** The calendar link of the confirmation mail the volunteer received over SMTP for the dispatch. */
  async function mailedCalendarLink(dispatchId: string): Promise<{ url: string; token: string }> {
    await t.app.get(MailSender).sendDue();
    const [row] = await t.dataSource.query(`SELECT message_id FROM mail_messages WHERE idempotency_key = $1`, [
      `dispatch-confirmed:${dispatchId}`,
    ]);
    const [received] = smtp.byMessageId(row.message_id);
    const match = /https:\/\/dispatch\.example\.jp\/api\/calendar\/dispatches\/([A-Za-z0-9_-]{43})\.ics/.exec(
      received.text,
    );
    if (!match) throw new Error(`No calendar link in: ${received.text}`);
    expect(received.html).toContain(match[0]);
    return { url: match[0], token: match[1] };
  }

  const get = (path: string) =>
    t
      .http()
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done(null, body));
      });

  const visits: Record<string, { requestId: string; dispatchId: string; url?: string; token?: string }> = {};

  it("opens the confirmation mail's link without signing in: the visit in Japanese, with both reminders", async () => {
    visits.a = await confirmedVisit(8, 0, '1階受付で待ち合わせ。保険証のコピーは不要です');
    Object.assign(visits.a, await mailedCalendarLink(visits.a.dispatchId));

    const res = await get(pathOf(visits.a.url!)).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="2026-12-08-interpreting.ics"; filename*=UTF-8''2026-12-08-${encodeURIComponent(world.hospital.name)}.ics`,
    );
    const ics = res.body as string;
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const event = onlyEvent(ics);
    expect(event).toContain(`UID:dispatch-${visits.a.dispatchId}@kumamoto-dispatch`);
    expect(event).toContain('DTSTART:20261208T010000Z');
    expect(event).toContain('DTEND:20261208T020000Z');
    expect(event).toContain('STATUS:CONFIRMED');
    expect(event).toContain('SUMMARY:医療通訳 — ベトナム語 / 内科');
    expect(event).toContain(`LOCATION:${world.hospital.name}\\, 熊本市中央区1-1`);
    const description = /DESCRIPTION:(.*)/.exec(event)![1];
    for (const part of ['外来受診 / 内科 / ベトナム語', '医療機関の電話: 096-000-0000', coordinatorName])
      expect(description).toContain(part);
    expect(description).toContain('連絡事項: 1階受付で待ち合わせ。保険証のコピーは不要です');
    expect(description).toContain(`依頼番号: ${visits.a.requestId.slice(0, 8).toUpperCase()}`);
    // Labels, never codes; and never the patient.
    expect(event).not.toMatch(/internal_medicine|outpatient|\bvi\b/);
    expect(ics).not.toContain(PATIENT);
    const alarms = event.match(/BEGIN:VALARM[\s\S]*?END:VALARM/g) ?? [];
    expect(alarms.map((a) => /TRIGGER:(.*)/.exec(a)![1].trim())).toEqual(['-PT24H', '-PT2H']);
    expect(alarms[0]).toContain('DESCRIPTION:明日: 医療通訳 — ベトナム語 / 内科');

    // The outbox kept a marker, never the token; the dispatch keeps only the token's hash.
    const [stored] = await t.dataSource.query(
      `SELECT text_body, html_body, attachments FROM mail_messages WHERE idempotency_key = $1`,
      [`dispatch-confirmed:${visits.a.dispatchId}`],
    );
    expect(JSON.stringify(stored)).not.toContain(visits.a.token);
    expect(stored.text_body).toContain(`/api/calendar/dispatches/lnk~calendar~${visits.a.dispatchId}~.ics`);
    const [dispatch] = await t.dataSource.query(`SELECT calendar_token_hash FROM dispatches WHERE id = $1`, [
      visits.a.dispatchId,
    ]);
    expect(dispatch.calendar_token_hash).toBe(sha256(visits.a.token!));
    // The attached file is the same event.
    expect(JSON.stringify(stored.attachments)).toContain('text/calendar');
  });

  it('speaks English to a volunteer who reads English, and each link opens its own visit only', async () => {
    visits.b = await confirmedVisit(9, 1);
    Object.assign(visits.b, await mailedCalendarLink(visits.b.dispatchId));
    expect(visits.b.token).not.toBe(visits.a.token);
    const event = onlyEvent((await get(pathOf(visits.b.url!)).expect(200)).body as string);
    expect(event).toContain(`UID:dispatch-${visits.b.dispatchId}@kumamoto-dispatch`);
    expect(event).toContain('SUMMARY:Medical interpreting — Vietnamese / Internal medicine');
    expect(event).toContain('Hospital phone: 096-000-0000');
    expect(event).toContain('DESCRIPTION:Tomorrow: Medical interpreting');
  });

  it('answers 404 to a token it never made, and 4xx (never 5xx) to a malformed one', async () => {
    const random = randomBytes(32).toString('base64url');
    const missing = await t.http().get(`/api/calendar/dispatches/${random}.ics`).expect(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
    await t.http().get(`/api/calendar/feeds/${random}.ics`).expect(404);
    // A dispatch's token is no feed's, and a reconfirmation or offer token no calendar's.
    await t.http().get(`/api/calendar/feeds/${visits.a.token}.ics`).expect(404);
    await t.http().get(`/api/calendar/dispatches/${visits.a.dispatchId}.ics`).expect(404);
    for (const path of ['/api/calendar/dispatches/.ics', '/api/calendar/feeds/x', '/api/calendar/dispatches/a/b.ics'])
      expect((await t.http().get(path)).status).toBe(404);
    const bad = [
      'x'.repeat(5000),
      `${visits.a.token}x`,
      visits.a.token!.slice(1),
      'a%00b',
      '%E0%A4%A',
      "'%20OR%201=1--",
      '..%2F..%2Fetc%2Fpasswd',
      '%F0%9F%8F%A5',
      '$%7B7*7%7D',
    ];
    for (const token of bad) {
      for (const kind of ['dispatches', 'feeds']) {
        const res = await t.http().get(`/api/calendar/${kind}/${token}.ics`);
        expect([kind, token, res.status]).toEqual([kind, token, expect.any(Number)]);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
  });

  it('keeps the signed-in route for those who may see the dispatch', async () => {
    const path = `/api/dispatches/${visits.a.dispatchId}/calendar.ics`;
    await t.http().get(path).expect(401);
    await t.http().get(path).set('Authorization', world.volunteers[1].auth).expect(404);
    const own = await t.http().get(path).set('Authorization', world.volunteers[0].auth).expect(200);
    expect(own.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(unfold(own.text)).toContain(`UID:dispatch-${visits.a.dispatchId}@kumamoto-dispatch`);
    expect(unfold(own.text)).toContain('SUMMARY:医療通訳 — ベトナム語 / 内科');
  });

  it("shows the volunteer their feed's address on /me, the same each time, and no one else", async () => {
    const me = await t.http().get('/api/volunteers/me').set('Authorization', world.volunteers[0].auth).expect(200);
    expect(me.body.calendarFeedUrl).toMatch(
      /^https:\/\/dispatch\.example\.jp\/api\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/,
    );
    const again = await t.http().get('/api/volunteers/me').set('Authorization', world.volunteers[0].auth).expect(200);
    expect(again.body.calendarFeedUrl).toBe(me.body.calendarFeedUrl);
    const other = await t.http().get('/api/volunteers/me').set('Authorization', world.volunteers[1].auth).expect(200);
    expect(other.body.calendarFeedUrl).not.toBe(me.body.calendarFeedUrl);
    const token = /feeds\/([A-Za-z0-9_-]{43})\.ics/.exec(me.body.calendarFeedUrl)![1];
    // Only the hash is stored.
    const [row] = await t.dataSource.query(`SELECT calendar_feed_token_hash FROM volunteers WHERE id = $1`, [
      world.volunteers[0].id,
    ]);
    expect(row.calendar_feed_token_hash).toBe(sha256(token));
    // Staff reading the volunteer, and the volunteer's own record by id, carry no address.
    const byStaff = await t.http().get(`/api/volunteers/${world.volunteers[0].id}`).set('Authorization', world.staff);
    expect(byStaff.status).toBe(200);
    expect(byStaff.text).not.toContain(token);
    const byId = await t
      .http()
      .get(`/api/volunteers/${world.volunteers[0].id}`)
      .set('Authorization', world.volunteers[0].auth)
      .expect(200);
    expect(byId.body.calendarFeedUrl).toBeUndefined();
    await t.http().get('/api/volunteers/me').set('Authorization', world.staff).expect(403);
  });

  it('lists the upcoming visits in the feed, and a cancelled one disappears from it', async () => {
    visits.c = await confirmedVisit(10, 0);
    const { calendarFeedUrl } = (
      await t.http().get('/api/volunteers/me').set('Authorization', world.volunteers[0].auth).expect(200)
    ).body;
    const feed = await get(pathOf(calendarFeedUrl)).expect(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('no-store');
    expect(unfold(feed.body as string)).toContain('X-WR-CALNAME:医療通訳の予定');
    const uids = (ics: string) => eventsOf(ics).map((e) => /UID:(.*)/.exec(e)![1].trim());
    expect(uids(feed.body as string)).toEqual([
      `dispatch-${visits.a.dispatchId}@kumamoto-dispatch`,
      `dispatch-${visits.c.dispatchId}@kumamoto-dispatch`,
    ]);
    for (const event of eventsOf(feed.body as string)) expect(event.match(/BEGIN:VALARM/g)).toHaveLength(2);
    // Not the other volunteer's visit.
    expect(feed.body).not.toContain(visits.b.dispatchId);

    await t
      .http()
      .post(`/api/dispatches/${visits.c.dispatchId}/cancel`)
      .set('Authorization', world.staff)
      .send({ reason: '本人の体調不良' })
      .expect(200);
    const after = await get(pathOf(calendarFeedUrl)).expect(200);
    expect(uids(after.body as string)).toEqual([`dispatch-${visits.a.dispatchId}@kumamoto-dispatch`]);
  });

  it("answers a cancelled dispatch's link with the event cancelled, so the phone takes it off", async () => {
    const { url } = await mailedCalendarLink(visits.c.dispatchId);
    const ics = (await get(pathOf(url)).expect(200)).body as string;
    expect(ics).toContain('METHOD:CANCEL');
    const event = onlyEvent(ics);
    expect(event).toContain(`UID:dispatch-${visits.c.dispatchId}@kumamoto-dispatch`);
    expect(event).toContain('STATUS:CANCELLED');
    expect(event).toContain('SEQUENCE:1');
    expect(event).not.toContain('VALARM');
  });

  it("opens no dispatch with a feed's token", async () => {
    const { calendarFeedUrl } = (
      await t.http().get('/api/volunteers/me').set('Authorization', world.volunteers[0].auth).expect(200)
    ).body;
    const token = /feeds\/([A-Za-z0-9_-]{43})\.ics$/.exec(calendarFeedUrl)![1];
    await t.http().get(`/api/calendar/dispatches/${token}.ics`).expect(404);
  });

  it('renews the address on request: the old one stops working, the new one works, for that volunteer only', async () => {
    const meOf = async (auth: string) =>
      (await t.http().get('/api/volunteers/me').set('Authorization', auth).expect(200)).body.calendarFeedUrl as string;
    const old = await meOf(world.volunteers[0].auth);
    const otherBefore = await meOf(world.volunteers[1].auth);
    const renewed = await t
      .http()
      .post('/api/volunteers/me/calendar-feed')
      .set('Authorization', world.volunteers[0].auth)
      .expect(201);
    expect(renewed.body).toEqual({
      calendarFeedUrl: expect.stringMatching(/\/api\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/),
    });
    expect(renewed.body.calendarFeedUrl).not.toBe(old);
    await get(pathOf(old)).expect(404);
    await get(pathOf(renewed.body.calendarFeedUrl)).expect(200);
    expect(await meOf(world.volunteers[0].auth)).toBe(renewed.body.calendarFeedUrl);
    // Another volunteer's address is untouched: the route acts on the caller's own feed only.
    expect(await meOf(world.volunteers[1].auth)).toBe(otherBefore);
    await get(pathOf(otherBefore)).expect(200);
    // Nobody but a volunteer renews; without a session, nobody at all.
    await t.http().post('/api/volunteers/me/calendar-feed').expect(401);
    await t.http().post('/api/volunteers/me/calendar-feed').set('Authorization', world.staff).expect(403);
    await t.http().post('/api/volunteers/me/calendar-feed').set('Authorization', world.coordinator.auth).expect(403);
    await get(pathOf(renewed.body.calendarFeedUrl)).expect(200);
  });

  it('keeps a visit in the feed for 30 days after it, then lets it go', async () => {
    const feedUrl = (
      await t.http().get('/api/volunteers/me').set('Authorization', world.volunteers[0].auth).expect(200)
    ).body.calendarFeedUrl as string;
    const visitEnd = new Date(jst(8, '11:00')).getTime();
    t.clock.set(new Date(visitEnd + 29 * DAY));
    expect(eventsOf((await get(pathOf(feedUrl)).expect(200)).body as string)).toHaveLength(1);
    t.clock.set(new Date(visitEnd + 31 * DAY));
    expect(eventsOf((await get(pathOf(feedUrl)).expect(200)).body as string)).toHaveLength(0);
    t.clock.set(TODAY);
  });

  it('gives a volunteer with no visits an empty calendar, not an error', async () => {
    const user = await aUser(t, { role: 'volunteer' });
    const auth = (await login(t, user.email, user.password)).auth;
    const { calendarFeedUrl } = (await t.http().get('/api/volunteers/me').set('Authorization', auth).expect(200)).body;
    const ics = (await get(pathOf(calendarFeedUrl)).expect(200)).body as string;
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(eventsOf(ics)).toHaveLength(0);
  });
});
