import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { Dispatch, InterpretationRequest, Offer } from '@app/domain';

/**
 * Every row lock of the API is taken in this file (ESLint refuses a `lock:` option or `setLock`
 * anywhere else in apps/api/src), so the order below is the whole story:
 *
 * 1. A visit's request (`lockVisit`, `lockOffer`, or `lockOne` on the request).
 * 2. Then its dispatches and offers (`lockVisit`, `lockOffer`, `lockOne`/`lockMany` once the
 *    request is held). A dispatch is also locked alone when nothing is locked after it
 *    (reconfirmation).
 * 3. Then the volunteer row, under which a confirmation checks the matching rules (two accepts by
 *    one volunteer are judged one after the other).
 * 4. Last, rows that hang off a visit (its activity report, its practicum record): after the
 *    visit's rows where those are held, otherwise alone.
 *
 * Rows outside the workflow (a user, a user's second factor, a password-reset or invitation link,
 * a hospital, a training course, a mail) are locked on their own, one per transaction, with
 * nothing of the workflow taken after them. A transaction that starts from a volunteer (profile,
 * bans, level, calendar feed) takes no request or dispatch after it.
 */
const WRITE = { mode: 'pessimistic_write' } as const;

/**
 * One row, locked for update (`SELECT … FOR UPDATE`): the row as it is once locked, or null when
 * there is none. Where it sits in the order: see above.
 */
export function lockOne<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
): Promise<T | null> {
  return manager.findOne(entity, { where, lock: WRITE });
}

/** Every row that matches, each locked for update (none: an empty list). */
export function lockMany<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
): Promise<T[]> {
  return manager.find(entity, { where, lock: WRITE });
}

/**
 * The one lock order of the workflow: a visit's request first, then its dispatch. Cancellation,
 * completion, swaps, reports and the hospital's confirmation all lock through here, so two of
 * them at the same moment wait for each other instead of deadlocking. Answers the rows as they
 * are once locked.
 */
export async function lockVisit(
  manager: EntityManager,
  visit: { requestId: string; dispatchId: string },
): Promise<{ request: InterpretationRequest; dispatch: Dispatch }> {
  const request = await manager.findOneOrFail(InterpretationRequest, { where: { id: visit.requestId }, lock: WRITE });
  const dispatch = await manager.findOneOrFail(Dispatch, { where: { id: visit.dispatchId }, lock: WRITE });
  return { request, dispatch };
}

/**
 * The same order for an answer to an offer: the offer's request first, then the offer. Accepts,
 * declines, cancellations and expiries lock through the request, so racing ones queue instead of
 * deadlocking. Answers the rows as they are once locked (null: not found).
 */
export async function lockOffer(
  manager: EntityManager,
  answer: { requestId: string; offerId: string },
): Promise<{ request: InterpretationRequest | null; offer: Offer | null }> {
  const request = await lockOne(manager, InterpretationRequest, { id: answer.requestId });
  const offer = await lockOne(manager, Offer, { id: answer.offerId });
  return { request, offer };
}
