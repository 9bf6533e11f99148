import { AsyncLocalStorage } from 'node:async_hooks';

/** The HTTP request an audited action came from. */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  /** The signed-in caller's role, for audit lines written deeper down. */
  actorRole?: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with the request's id and address available to the audit trail. */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The current HTTP request's id and address; nulls outside a request (timers). */
export function currentRequestContext(): RequestContext {
  return storage.getStore() ?? { requestId: null, ip: null };
}
