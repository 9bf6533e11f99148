import { DEFAULT_DISPATCH_POLICY as POLICY, MailMessage, Offer } from '@app/domain';
import { Like } from 'typeorm';
import { createTestApp, TestApp } from './support/test-app';
import { fileAndAssign, fileRequest, visitWorld } from './support/visit-fixtures';
import { aQualifiedVolunteer, at, jst, runJobsAt, TODAY } from './support/workflow-fixtures';
import { deliveredToken } from './support/delivered-mail';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A confirmed interpreter drops out (their dispatch is cancelled): the request reopens, offers go
 * out again, and staff are called in at the policy's deadline before the visit — at once when the
 * cancellation comes after it. Confirming the request had taken that deadline away.
 */
describe('A cancelled dispatch reopens the request with the staff deadline set again', () => {
  let t: TestApp;
  let staff: string;
  let coordinator: { email: string; auth: string };
  let courses: Awaited<ReturnType<typeof visitWorld>>['courses'];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    ({ staff, courses, coordinator } = await visitWorld(t, 0));
  });
  afterAll(() => t.close());

  const statusOf = async (requestId: string) =>
    (await t.http().get(`/api/requests/${requestId}`).set('Authorization', staff).expect(200)).body;
  const escalationMails = (requestId: string) =>
    t.dataSource.getRepository(MailMessage).find({
      where: {
        toAddress: coordinator.email,
        template: 'request_escalated',
        idempotencyKey: Like(`escalated:${requestId}:%`),
      },
    });

  /** The token of the newest offer mail's link to `email`. */
  const offerLink = async (email: string) => {
    const [mail] = await t.dataSource
      .getRepository(MailMessage)
      .find({ where: { toAddress: email, template: 'offer' }, order: { createdAt: 'DESC' }, take: 1 });
    return deliveredToken(t, mail, 'offer-links');
  };

  /** Two volunteers for `language`; the first is assigned to a visit at `startsAt` and then cancelled at `cancelAt`. */
  async function confirmedThenCancelled(language: string, startsAt: string, cancelAt: Date) {
    const holder = await aQualifiedVolunteer(t, courses, { languages: [language] });
    const other = await aQualifiedVolunteer(t, courses, { languages: [language] });
    const { requestId, dispatchId } = await fileAndAssign(t, { fileAs: coordinator.auth, staff }, holder.id, {
      language,
      startsAt,
      endsAt: at(startsAt, HOUR).toISOString(),
    });
    t.clock.set(cancelAt);
    await t
      .http()
      .post(`/api/dispatches/${dispatchId}/cancel`)
      .set('Authorization', staff)
      .send({ reason: '通訳者の急病' })
      .expect(200);
    return { requestId, holder, other };
  }

  it('calls staff in at the deadline when the cancellation comes before it, and offers the visit again meanwhile', async () => {
    const startsAt = jst(3, '10:00');
    // 20 hours before the visit: the offer sent now would stay open past the 12-hour deadline.
    const { requestId, other } = await confirmedThenCancelled('id', startsAt, at(startsAt, -20 * HOUR));
    await runJobsAt(t, at(startsAt, -20 * HOUR));
    expect(await statusOf(requestId)).toMatchObject({ status: 'offered' });
    // Asked again: the other volunteer, whose first offer was withdrawn when the holder was assigned; not the holder.
    const pending = await t.dataSource.getRepository(Offer).find({ where: { requestId, status: 'pending' } });
    expect(pending.map((o) => o.volunteerId)).toEqual([other.id]);
    expect(pending[0].expiresAt.getTime()).toBeGreaterThan(at(startsAt, -POLICY.escalateBeforeHours * HOUR).getTime());

    await runJobsAt(t, at(startsAt, -POLICY.escalateBeforeHours * HOUR - MINUTE));
    expect((await statusOf(requestId)).status).toBe('offered');
    await runJobsAt(t, at(startsAt, -POLICY.escalateBeforeHours * HOUR + MINUTE));
    expect(await statusOf(requestId)).toMatchObject({ status: 'escalated', escalationReason: 'dispatch_cancelled' });
    const [alert, ...more] = await escalationMails(requestId);
    expect(alert.textBody).toContain('派遣が取り消され');
    expect(more).toHaveLength(0);
    // The other volunteer's offer stays open: they may still take it from their phone.
    const still = await t.dataSource.getRepository(Offer).find({ where: { requestId, status: 'pending' } });
    expect(still.map((o) => o.volunteerId)).toEqual([other.id]);
    t.clock.set(TODAY);
  });

  it('lets another volunteer accept the reopened visit when the first had accepted it from their offer mail', async () => {
    const startsAt = jst(9, '10:00');
    const first = await aQualifiedVolunteer(t, courses, { languages: ['tl'] });
    const second = await aQualifiedVolunteer(t, courses, { languages: ['tl'] });
    const request = await fileRequest(t, coordinator.auth, {
      language: 'tl',
      startsAt,
      endsAt: at(startsAt, HOUR).toISOString(),
    });
    const accepted = await t
      .http()
      .post(`/api/offer-links/${await offerLink(first.email)}/accept`)
      .expect(200);

    t.clock.set(at(startsAt, -2 * 24 * HOUR));
    await t
      .http()
      .post(`/api/dispatches/${accepted.body.dispatch.id}/cancel`)
      .set('Authorization', staff)
      .send({ reason: '通訳者の急病' })
      .expect(200);
    await runJobsAt(t, at(startsAt, -2 * 24 * HOUR));
    const again = await t
      .http()
      .post(`/api/offer-links/${await offerLink(second.email)}/accept`)
      .expect(200);
    expect(again.body.dispatch).toMatchObject({ volunteerId: second.id, status: 'confirmed' });

    // Both were asked at filing; the second's first offer was withdrawn when the first accepted.
    const offers = await t.dataSource
      .getRepository(Offer)
      .find({ where: { requestId: request.id }, order: { status: 'ASC' } });
    expect(offers.map((o) => [o.status, o.volunteerId])).toEqual([
      ['accepted', second.id],
      ['released', first.id],
      ['withdrawn', second.id],
    ]);
    // The first volunteer's old link no longer answers anything.
    expect(
      (
        await t
          .http()
          .get(`/api/offer-links/${await offerLink(first.email)}`)
          .expect(200)
      ).body,
    ).toMatchObject({ answerable: false });
    t.clock.set(TODAY);
  });

  it('does not ask again, as a second offer, the volunteer who gave the visit up', async () => {
    const startsAt = jst(10, '10:00');
    const quiet = await aQualifiedVolunteer(t, courses, { languages: ['th'] });
    const decliner = await aQualifiedVolunteer(t, courses, { languages: ['th'] });
    const request = await fileRequest(t, coordinator.auth, {
      language: 'th',
      startsAt,
      endsAt: at(startsAt, HOUR).toISOString(),
    });
    await t
      .http()
      .post(`/api/offer-links/${await offerLink(decliner.email)}/decline`)
      .send({})
      .expect(200);
    // The quiet volunteer lets the offer expire (and is asked again), then agrees on the phone and staff assign them.
    await runJobsAt(t, at(TODAY, POLICY.responseWindowMinutes * MINUTE + MINUTE));
    const assigned = await t
      .http()
      .post(`/api/requests/${request.id}/assign`)
      .set('Authorization', staff)
      .send({ volunteerId: quiet.id })
      .expect(200);
    await t
      .http()
      .post(`/api/dispatches/${assigned.body.dispatch.id}/cancel`)
      .set('Authorization', staff)
      .send({ reason: '通訳者の都合' })
      .expect(200);
    await runJobsAt(t, at(TODAY, POLICY.responseWindowMinutes * MINUTE + 2 * MINUTE));

    expect(await t.dataSource.getRepository(Offer).count({ where: { requestId: request.id, status: 'pending' } })).toBe(
      0,
    );
    expect(await statusOf(request.id)).toMatchObject({ status: 'escalated', escalationReason: 'dispatch_cancelled' });
    t.clock.set(TODAY);
  });

  it('calls staff in at once when the cancellation comes inside the deadline', async () => {
    const startsAt = jst(4, '10:00');
    const { requestId, other } = await confirmedThenCancelled('pt', startsAt, at(startsAt, -5 * HOUR));
    await runJobsAt(t, at(startsAt, -5 * HOUR));
    expect(await statusOf(requestId)).toMatchObject({ status: 'escalated', escalationReason: 'dispatch_cancelled' });
    expect(await escalationMails(requestId)).toHaveLength(1);
    // Everyone eligible but the holder was offered it again as well: a volunteer can still take it from their phone.
    const pending = await t.dataSource.getRepository(Offer).find({ where: { requestId, status: 'pending' } });
    expect(pending.map((o) => o.volunteerId)).toEqual([other.id]);
    t.clock.set(TODAY);
  });
});
