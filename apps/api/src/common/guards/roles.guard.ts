import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, Role, roleSatisfies } from '@app/domain';
import { PUBLIC_KEY, ROLES_KEY } from '../decorators/roles.decorator';
import { Actor } from '../decorators/current-user.decorator';

/** Denies every route that declares no roles (fail closed). */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const user = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (!roles || roles.length === 0 || !user || !roleSatisfies(user.role, roles)) throw new ForbiddenError();
    return true;
  }
}
