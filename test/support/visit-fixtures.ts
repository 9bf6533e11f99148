import { aUser } from './factories';
import { ADMIN, login, TestApp } from './test-app';
import { aHospital, aQualifiedVolunteer, trainingCourses } from './workflow-fixtures';

export const PATIENT = 'グエン・ティ・ラン';

/**
 * Staff, one hospital with its coordinator, and qualified volunteers with accounts, ready to
 * make dispatches through the API: `dispatch(start, end, volunteer)` files a request as the
 * coordinator and has staff assign it.
 */
export async function visitWorld(t: TestApp, volunteerCount = 2, languages = ['vi']) {
  const courses = await trainingCourses(t);
  const staff = (await login(t, ADMIN.email, ADMIN.password)).auth;
  const hospital = await aHospital(t, { name: '熊本南病院', area: '南区' });
  const coordinatorUser = await aUser(t, { role: 'coordinator', hospitalId: hospital.id });
  const coordinator = { ...coordinatorUser, auth: (await login(t, coordinatorUser.email, coordinatorUser.password)).auth };
  const volunteers = [];
  for (let i = 0; i < volunteerCount; i++) {
    const record = await aQualifiedVolunteer(t, courses, { languages });
    const user = await aUser(t, { role: 'volunteer', volunteerId: record.id });
    volunteers.push({ ...record, userId: user.id, auth: (await login(t, user.email, user.password)).auth });
  }

  async function dispatch(startsAt: string, endsAt: string, volunteerId: string, language = languages[0]): Promise<{ requestId: string; dispatchId: string }> {
    const filed = await t
      .http()
      .post('/api/requests')
      .set('Authorization', coordinator.auth)
      .send({ language, startsAt, endsAt, department: 'internal_medicine', visitType: 'outpatient', patient: { displayName: PATIENT, gender: 'female', ageBand: 'adult' } })
      .expect(201);
    const assigned = await t.http().post(`/api/requests/${filed.body.id}/assign`).set('Authorization', staff).send({ volunteerId }).expect(200);
    return { requestId: filed.body.id, dispatchId: assigned.body.dispatch.id };
  }

  return { staff, hospital, coordinator, volunteers, dispatch };
}
