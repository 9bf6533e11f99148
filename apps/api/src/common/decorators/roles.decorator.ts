import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ROLES, Role } from '@app/domain';
import { markPublic } from '../openapi/error-responses';

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';

/**
 * The roles that may call a route. A route with neither `@Roles` nor `@Public` is refused
 * (the guard fails closed), so a forgotten decorator never opens data. `admin` passes `staff`.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Any signed-in user, whatever the role. */
export const AnyRole = () => SetMetadata(ROLES_KEY, [...ROLES]);

/** No sign-in needed (login, health, offer links). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), markPublic());
