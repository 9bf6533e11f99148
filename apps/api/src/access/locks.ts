import { EntityManager } from 'typeorm';
import { Dispatch, InterpretationRequest, Offer } from '@app/domain';

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
  const request = await manager.findOneOrFail(InterpretationRequest, {
    where: { id: visit.requestId },
    lock: { mode: 'pessimistic_write' },
  });
  const dispatch = await manager.findOneOrFail(Dispatch, {
    where: { id: visit.dispatchId },
    lock: { mode: 'pessimistic_write' },
  });
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
  const request = await manager.findOne(InterpretationRequest, {
    where: { id: answer.requestId },
    lock: { mode: 'pessimistic_write' },
  });
  const offer = await manager.findOne(Offer, { where: { id: answer.offerId }, lock: { mode: 'pessimistic_write' } });
  return { request, offer };
}
