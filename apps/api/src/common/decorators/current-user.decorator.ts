import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Role } from '@app/domain';

/** Who is calling: what services need to scope and authorise. */
export interface Actor {
  id: string;
  email: string;
  role: Role;
  hospitalId: string | null;
  volunteerId: string | null;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest().user;
});
