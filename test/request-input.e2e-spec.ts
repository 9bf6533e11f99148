import { createTestApp, TestApp } from './support/test-app';
import { fileRequest, visitWorld } from './support/visit-fixtures';
import { aQualifiedVolunteer, jst, TODAY } from './support/workflow-fixtures';

/** Bad input to the request endpoints is a 422 naming the field, never a 500 from the database. */
describe('Request input validation', () => {
  let t: TestApp;
  let staff: string;
  let coordinator: string;
  let courses: Awaited<ReturnType<typeof visitWorld>>['courses'];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    const world = await visitWorld(t, 0);
    ({ staff, courses } = world);
    coordinator = world.coordinator.auth;
  });
  afterAll(() => t.close());

  it.each(['language', 'department', 'visitType', 'mode', 'interpreterGender'])(
    'refuses a change of %s to null with 422 naming it',
    async (field) => {
      const request = await fileRequest(t, coordinator, { startsAt: jst(15, '10:00'), endsAt: jst(15, '11:00') });
      const res = await t
        .http()
        .patch(`/api/requests/${request.id}`)
        .set('Authorization', coordinator)
        .send({ [field]: null })
        .expect(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
    },
  );

  it('still clears the notes with null', async () => {
    const request = await fileRequest(t, coordinator, { startsAt: jst(15, '10:00'), endsAt: jst(15, '11:00') });
    await t
      .http()
      .patch(`/api/requests/${request.id}`)
      .set('Authorization', coordinator)
      .send({ notes: '車椅子で来院' })
      .expect(200);
    const cleared = await t
      .http()
      .patch(`/api/requests/${request.id}`)
      .set('Authorization', coordinator)
      .send({ notes: null })
      .expect(200);
    expect(cleared.body.notes).toBeNull();
  });

  it('refuses a volunteerId to assign that is not a uuid with 422 naming it', async () => {
    const request = await fileRequest(t, coordinator, { startsAt: jst(16, '10:00'), endsAt: jst(16, '11:00') });
    const res = await t
      .http()
      .post(`/api/requests/${request.id}/assign`)
      .set('Authorization', staff)
      .send({ volunteerId: 'x'.repeat(36) })
      .expect(422);
    expect(Object.keys(res.body.errors)).toEqual(['volunteerId']);
  });

  it('refuses the same volunteer twice in hand-sent offers with 422 naming volunteerIds', async () => {
    const request = await fileRequest(t, coordinator, {
      language: 'fa',
      startsAt: jst(17, '10:00'),
      endsAt: jst(17, '11:00'),
    });
    const volunteer = await aQualifiedVolunteer(t, courses, { languages: ['fa'] });
    const res = await t
      .http()
      .post(`/api/requests/${request.id}/offers`)
      .set('Authorization', staff)
      .send({ volunteerIds: [volunteer.id, volunteer.id] })
      .expect(422);
    expect(Object.keys(res.body.errors)).toEqual(['volunteerIds']);
  });
});
