import { randomUUID } from 'node:crypto';
import { Role } from '@app/domain';
import { TestApp } from './test-app';
import { UsersService } from '../../apps/api/src/users/users.service';
import { HospitalsService } from '../../apps/api/src/hospitals/hospitals.service';
import { CreateHospitalDto } from '../../apps/api/src/hospitals/dto/hospital.dto';
import { VolunteersService } from '../../apps/api/src/volunteers/volunteers.service';
import { CreateVolunteerDto } from '../../apps/api/src/volunteers/dto/volunteer.dto';
import { TrainingService } from '../../apps/api/src/training/training.service';
import { CreateCourseDto } from '../../apps/api/src/training/dto/course.dto';

let counter = 0;
const unique = () => `${++counter}-${randomUUID().slice(0, 8)}`;

/** A partner hospital, made through the service. */
export async function aHospital(t: TestApp, overrides: Partial<CreateHospitalDto> = {}) {
  return t.app.get(HospitalsService).create({
    name: `テスト病院 ${unique()}`,
    area: '中央区',
    address: '熊本市中央区1-1',
    phone: '096-000-0000',
    ...overrides,
  });
}

/**
 * A volunteer record, made through the service: `aVolunteer(t, { languages: ['vi'] })` speaks
 * Vietnamese natively; full language objects work too.
 */
export async function aVolunteer(
  t: TestApp,
  overrides: Partial<Omit<CreateVolunteerDto, 'languages'>> & {
    languages?: (string | CreateVolunteerDto['languages'][number])[];
  } = {},
) {
  const n = unique();
  const { languages, ...rest } = overrides;
  return t.app.get(VolunteersService).create({
    displayName: `ボランティア ${n}`,
    nameKana: `ボランティア ${n}`,
    email: `volunteer-${n}@test.example.jp`,
    gender: 'female',
    homeArea: '中央区',
    level: 'standard',
    ...rest,
    languages: (languages ?? ['vi']).map((l) =>
      typeof l === 'string' ? { code: l, proficiency: 'native' as const } : l,
    ),
  });
}

/** A training course, made through the service. */
export async function aCourse(t: TestApp, overrides: Partial<CreateCourseDto> = {}) {
  return t.app.get(TrainingService).create({
    title: `研修 ${unique()}`,
    kind: 'skill_up',
    startsAt: '2026-06-06T10:00:00+09:00',
    endsAt: '2026-06-06T16:00:00+09:00',
    venue: '熊本市国際交流会館',
    capacity: 30,
    hours: 6,
    ...overrides,
  });
}

/**
 * Makes a user through the service (hashing included) and returns its credentials. A coordinator
 * gets a new hospital and a volunteer account a new volunteer record unless ids are given.
 */
export async function aUser(
  t: TestApp,
  overrides: Partial<{
    email: string;
    role: Role;
    password: string;
    hospitalId: string;
    volunteerId: string;
    displayName: string;
  }> = {},
) {
  const n = unique();
  const role = overrides.role ?? 'staff';
  const password = overrides.password ?? `password-${n}-long`;
  const email = overrides.email ?? `${role}${n}@test.example.jp`;
  const hospitalId = overrides.hospitalId ?? (role === 'coordinator' ? (await aHospital(t)).id : undefined);
  const volunteerId = overrides.volunteerId ?? (role === 'volunteer' ? (await aVolunteer(t, { email })).id : undefined);
  const user = await t.app.get(UsersService).create({
    email,
    role,
    password,
    displayName: overrides.displayName ?? `${role} ${n}`,
    hospitalId,
    volunteerId,
  });
  return { ...user, password };
}
