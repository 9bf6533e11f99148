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
  const coordinator = {
    ...coordinatorUser,
    auth: (await login(t, coordinatorUser.email, coordinatorUser.password)).auth,
  };
  const volunteers = [];
  for (let i = 0; i < volunteerCount; i++) {
    const record = await aQualifiedVolunteer(t, courses, { languages });
    const user = await aUser(t, { role: 'volunteer', volunteerId: record.id });
    volunteers.push({ ...record, userId: user.id, auth: (await login(t, user.email, user.password)).auth });
  }

  const dispatch = (startsAt: string, endsAt: string, volunteerId: string, language = languages[0]) =>
    fileAndAssign(t, { fileAs: coordinator.auth, staff }, volunteerId, { language, startsAt, endsAt });

  return { staff, hospital, coordinator, volunteers, dispatch, courses };
}

/** A visit to file: an internal-medicine outpatient visit in Vietnamese unless said otherwise. */
export interface VisitInput {
  startsAt: string;
  endsAt: string;
  language?: string;
  department?: string;
  /** Only when staff file it. */
  hospitalId?: string;
  patient?: {
    displayName: string;
    gender: 'female' | 'male' | 'other';
    ageBand: 'infant' | 'child' | 'adult' | 'senior';
  };
}

/** Files a request through the API as `fileAs` (a coordinator, or staff naming `hospitalId`); answers its id and status. */
export async function fileRequest(
  t: TestApp,
  fileAs: string,
  visit: VisitInput,
): Promise<{ id: string; status: string }> {
  const {
    language = 'vi',
    department = 'internal_medicine',
    patient = { displayName: PATIENT, gender: 'female', ageBand: 'adult' },
    ...times
  } = visit;
  const filed = await t
    .http()
    .post('/api/requests')
    .set('Authorization', fileAs)
    .send({ ...times, language, department, visitType: 'outpatient', patient })
    .expect(201);
  return filed.body;
}

/** Files a request and has staff assign `volunteerId` to it directly. */
export async function fileAndAssign(
  t: TestApp,
  auth: { fileAs: string; staff: string },
  volunteerId: string,
  visit: VisitInput,
): Promise<{ requestId: string; dispatchId: string }> {
  const { id } = await fileRequest(t, auth.fileAs, visit);
  const assigned = await t
    .http()
    .post(`/api/requests/${id}/assign`)
    .set('Authorization', auth.staff)
    .send({ volunteerId })
    .expect(200);
  return { requestId: id, dispatchId: assigned.body.dispatch.id };
}
