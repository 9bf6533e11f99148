import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { mergeMap, Observable } from 'rxjs';
import { Actor } from '../common/decorators/current-user.decorator';
import { AuditService } from './audit.service';
import { runWithRequestContext } from './request-context';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Calls that change no record worth auditing, or whose body is a credential; two-factor calls write their own `auth.2fa.*` lines. */
const NOT_AUDITED = new Set([
  '/api/auth/login',
  '/api/auth/refresh',
  '/api/auth/logout',
  '/api/auth/2fa/enable',
  '/api/auth/2fa/disable',
  '/api/auth/2fa/verify',
  '/api/users/:id/2fa/reset',
]);

/**
 * Every HTTP call runs with its request id and address at hand for the audit trail; every
 * successful state-changing call (POST/PUT/PATCH/DELETE) writes one audit line: the route as the
 * action (`POST /api/dispatches/:id/cancel`), the first path segment as the object type and the
 * `:id` parameter (or the created object's id) as the object. Failed calls changed nothing and are
 * not audited. Workflow transitions are, in addition, in `status_transitions` (with timers').
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request & { id?: string; user?: Actor }>();
    const requestContext = {
      requestId: typeof req.id === 'string' ? req.id : null,
      ip: req.ip ?? null,
      actorRole: req.user?.role ?? null,
    };
    return new Observable((subscriber) =>
      runWithRequestContext(requestContext, () => {
        const handled = MUTATING.has(req.method)
          ? next.handle().pipe(mergeMap((result) => this.recordChange(req, context, result)))
          : next.handle();
        return handled.subscribe(subscriber);
      }),
    );
  }

  private async recordChange(
    req: Request & { user?: Actor },
    context: ExecutionContext,
    result: unknown,
  ): Promise<unknown> {
    const route = `${req.baseUrl ?? ''}${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
    if (NOT_AUDITED.has(route)) return result;
    const segments = route.replace(/^\/api\//, '').split('/');
    const params = req.params as Record<string, string | undefined>;
    const created = result && typeof result === 'object' && 'id' in result ? String(result.id) : null;
    const isTokenRoute = segments[1] === ':token';
    await this.audit.record(null, {
      actor: req.user ?? null,
      actorRole: req.user ? undefined : 'public',
      action: `${req.method} ${route}`,
      objectType: segments[0] || null,
      objectId: params.id ?? (isTokenRoute ? null : created),
      details: { status: context.switchToHttp().getResponse<{ statusCode: number }>().statusCode },
    });
    return result;
  }
}
