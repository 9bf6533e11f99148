import { CourseAttendance, Offer } from '@app/domain';
import { aUser } from './support/factories';
import { createTestApp, login, TestApp } from './support/test-app';
import { fileRequest } from './support/visit-fixtures';
import { aHospital, aQualifiedVolunteer, jst, TODAY, trainingCourses } from './support/workflow-fixtures';

interface Candidate {
  volunteerId: string;
  phone: string | null;
  offer: { status: string; sentAt: string } | null;
  reasons: unknown[];
}

/**
 * What staff need before phoning round (API.md "The coordinator's and staff's desk"): the offer
 * history of a request, and candidates with their phone and whether they were already asked.
 */
describe('Escalation workbench: offer history and candidates with phone and offer state', () => {
  let t: TestApp;
  let staff: string;
  let coordinator: string;
  let courses: Awaited<ReturnType<typeof trainingCourses>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    courses = await trainingCourses(t);
    const staffUser = await aUser(t, { role: 'staff' });
    staff = (await login(t, staffUser.email, staffUser.password)).auth;
    const hospital = await aHospital(t, { name: '熊本東病院', area: '東区' });
    const user = await aUser(t, { role: 'coordinator', hospitalId: hospital.id });
    coordinator = (await login(t, user.email, user.password)).auth;
  });
  afterAll(() => t.close());

  async function volunteerWithAccount(phone: string) {
    const record = await aQualifiedVolunteer(t, courses, { languages: ['ne'], phone });
    const user = await aUser(t, { role: 'volunteer', volunteerId: record.id });
    return { ...record, auth: (await login(t, user.email, user.password)).auth };
  }

  it('shows who was asked, who declined and why, with phone numbers; the assigned volunteer is no clash', async () => {
    const a = await volunteerWithAccount('090-1111-0001');
    const b = await volunteerWithAccount('090-1111-0002');
    const request = await fileRequest(t, coordinator, {
      language: 'ne',
      startsAt: jst(20, '10:00'),
      endsAt: jst(20, '11:00'),
    });
    const sent = await t.dataSource.getRepository(Offer).findBy({ requestId: request.id });
    expect(sent.map((o) => o.volunteerId).sort()).toEqual([a.id, b.id].sort());

    const offerOfA = sent.find((o) => o.volunteerId === a.id)!;
    await t
      .http()
      .post(`/api/offers/${offerOfA.id}/decline`)
      .set('Authorization', a.auth)
      .send({ reason: '仕事のため' })
      .expect(200);

    const history = await t.http().get(`/api/requests/${request.id}/offers`).set('Authorization', staff).expect(200);
    const byVolunteer = Object.fromEntries(history.body.map((h: { volunteerId: string }) => [h.volunteerId, h]));
    expect(byVolunteer[a.id]).toMatchObject({
      displayName: a.displayName,
      phone: '090-1111-0001',
      wave: 1,
      status: 'declined',
      declineReason: '仕事のため',
      respondedAt: TODAY_ISO(),
      sentAt: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect(byVolunteer[b.id]).toMatchObject({ phone: '090-1111-0002', status: 'pending', respondedAt: null });

    const candidates = await t
      .http()
      .get(`/api/requests/${request.id}/candidates`)
      .set('Authorization', staff)
      .expect(200);
    const all: Candidate[] = [...candidates.body.eligible, ...candidates.body.excluded];
    const find = (id: string) => all.find((c) => c.volunteerId === id)!;
    expect(find(a.id)).toMatchObject({ phone: '090-1111-0001', offer: { status: 'declined' } });
    expect(find(b.id)).toMatchObject({ phone: '090-1111-0002', offer: { status: 'pending' } });

    const unasked = await volunteerWithAccount('090-1111-0003');
    const later = await t.http().get(`/api/requests/${request.id}/candidates`).set('Authorization', staff).expect(200);
    expect(later.body.eligible.find((c: Candidate) => c.volunteerId === unasked.id)).toMatchObject({
      phone: '090-1111-0003',
      offer: null,
    });

    await t
      .http()
      .post(`/api/requests/${request.id}/assign`)
      .set('Authorization', staff)
      .send({ volunteerId: unasked.id })
      .expect(200);
    const filled = await t.http().get(`/api/requests/${request.id}/candidates`).set('Authorization', staff).expect(200);
    // Her own new dispatch is not "another dispatch that overlaps".
    expect(filled.body.eligible.map((c: Candidate) => c.volunteerId)).toContain(unasked.id);
    const afterAssign = await t
      .http()
      .get(`/api/requests/${request.id}/offers`)
      .set('Authorization', staff)
      .expect(200);
    expect(afterAssign.body.find((h: { volunteerId: string }) => h.volunteerId === b.id).status).toBe('withdrawn');
  });

  it('mails the escalation to staff and admins to act, and tells the coordinator the office is arranging it', async () => {
    const request = await fileRequest(t, coordinator, {
      language: 'km', // nobody speaks Khmer here: escalated at once, no_eligible
      startsAt: jst(23, '10:00'),
      endsAt: jst(23, '11:00'),
    });
    const mail: { to_address: string; subject: string; text_body: string; role: string }[] = await t.dataSource.query(
      `SELECT m.to_address, m.subject, m.text_body, u.role FROM mail_messages m JOIN users u ON u.email = m.to_address
        WHERE m.template = 'request_escalated' AND m.idempotency_key LIKE $1`,
      [`%${request.id}%`],
    );
    const reference = request.id.slice(0, 8).toUpperCase();
    const roles = new Set(mail.map((m) => m.role));
    expect(roles).toEqual(new Set(['admin', 'staff', 'coordinator']));
    for (const m of mail) expect(m.subject).toContain(reference);
    for (const m of mail.filter((x) => x.role !== 'coordinator')) {
      expect(m.subject).toMatch(/^【要対応】/);
      expect(m.text_body).toContain('手動での打診・割り当て');
    }
    const [hospitalCopy] = mail.filter((m) => m.role === 'coordinator');
    expect(hospitalCopy.subject).toMatch(/^【手配中】/);
    expect(hospitalCopy.text_body).toContain('事務局が通訳者の手配を進めています');
    expect(hospitalCopy.text_body).not.toContain('割り当て');
  });

  it('is for staff: a coordinator gets 403, an unknown request 404, a bad id 4xx', async () => {
    const request = await fileRequest(t, coordinator, { startsAt: jst(21, '10:00'), endsAt: jst(21, '11:00') });
    await t.http().get(`/api/requests/${request.id}/offers`).set('Authorization', coordinator).expect(403);
    await t
      .http()
      .get(`/api/requests/00000000-0000-4000-8000-000000000000/offers`)
      .set('Authorization', staff)
      .expect(404);
    await t.http().get(`/api/requests/not-a-uuid/offers`).set('Authorization', staff).expect(400);
  });

  it("judges each candidate's training from the courses they attended: both kinds in good standing, an initial course alone or none is TRAINING", async () => {
    const both = await aQualifiedVolunteer(t, courses, { languages: ['my'] });
    const initialOnly = await aQualifiedVolunteer(t, courses, { languages: ['my'] });
    await t.dataSource
      .getRepository(CourseAttendance)
      .delete({ volunteerId: initialOnly.id, courseId: courses.skillUp.id });
    const none = await aQualifiedVolunteer(t, courses, { languages: ['my'] });
    await t.dataSource.getRepository(CourseAttendance).delete({ volunteerId: none.id });
    const request = await fileRequest(t, coordinator, {
      language: 'my',
      startsAt: jst(21, '10:00'),
      endsAt: jst(21, '11:00'),
    });
    const candidates = await t
      .http()
      .get(`/api/requests/${request.id}/candidates`)
      .set('Authorization', staff)
      .expect(200);
    const reasons = (id: string) =>
      (candidates.body.excluded as Array<{ volunteerId: string; reasons: string[] }>).find((c) => c.volunteerId === id)
        ?.reasons;
    expect(candidates.body.eligible.map((c: Candidate) => c.volunteerId)).toContain(both.id);
    expect(reasons(initialOnly.id)).toContain('TRAINING');
    expect(reasons(none.id)).toContain('TRAINING');
  });
});

function TODAY_ISO(): string {
  return new Date(TODAY).toISOString();
}
