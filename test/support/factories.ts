import { randomUUID } from 'node:crypto';
import { Role } from '@app/domain';
import { TestApp } from './test-app';
import { UsersService } from '../../apps/api/src/users/users.service';

let counter = 0;

/** Makes a user through the service (hashing included) and returns its credentials. */
export async function aUser(
  t: TestApp,
  overrides: Partial<{ email: string; role: Role; password: string; hospitalId: string; volunteerId: string; displayName: string }> = {},
) {
  counter += 1;
  const role = overrides.role ?? 'staff';
  const password = overrides.password ?? `password-${counter}-long`;
  const email = overrides.email ?? `${role}${counter}-${randomUUID().slice(0, 8)}@test.example.jp`;
  const user = await t.app.get(UsersService).create({
    email,
    role,
    password,
    displayName: overrides.displayName ?? `${role} ${counter}`,
    hospitalId: overrides.hospitalId ?? (role === 'coordinator' ? randomUUID() : undefined),
    volunteerId: overrides.volunteerId ?? (role === 'volunteer' ? randomUUID() : undefined),
  });
  return { ...user, password };
}
