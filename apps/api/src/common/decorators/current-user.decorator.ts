import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Role } from '@app/domain';

/** Who is calling: what services need to scope and authorise. */
export interface Actor {
  id: string;
  email: string;
  role: Role;
  hospitalId: string | null;
  volunteerId: string | null;
  /** The sign-in (refresh-token family) the access token belongs to; absent outside a session. */
  sessionId?: string;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
