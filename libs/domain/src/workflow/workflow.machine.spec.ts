import { ConflictError } from '../errors/domain-error';
import {
  IllegalTransitionError,
  REQUEST_STATUSES,
  REQUEST_TRANSITIONS,
  statesAllowing,
  transition,
} from './workflow.machine';

describe('transition', () => {
  it('walks the happy path of a request: open → offered → confirmed → completed', () => {
    let status = transition('request', 'open', 'offer');
    expect(status).toBe('offered');
    status = transition('request', status, 'confirm');
    expect(status).toBe('confirmed');
    expect(transition('request', status, 'complete')).toBe('completed');
  });

  it('escalates an unanswered request and lets staff assign it by hand', () => {
    const escalated = transition('request', 'offered', 'escalate');
    expect(escalated).toBe('escalated');
    expect(transition('request', escalated, 'confirm')).toBe('confirmed');
  });

  it('refuses to complete a cancelled request with a 409-kind error naming the move', () => {
    expect(() => transition('request', 'cancelled', 'complete')).toThrow(IllegalTransitionError);
    try {
      transition('request', 'cancelled', 'complete');
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as IllegalTransitionError).code).toBe('ILLEGAL_TRANSITION');
      expect((error as Error).message).toBe('A request that is cancelled cannot complete');
    }
  });

  it('never leaves a terminal request state', () => {
    for (const terminal of ['completed', 'cancelled'] as const) {
      for (const event of Object.keys(REQUEST_TRANSITIONS) as Array<keyof typeof REQUEST_TRANSITIONS>) {
        expect(() => transition('request', terminal, event)).toThrow(IllegalTransitionError);
      }
    }
  });

  it('lets an offer be answered only while it is pending', () => {
    expect(transition('offer', 'pending', 'accept')).toBe('accepted');
    for (const answered of ['accepted', 'declined', 'expired', 'withdrawn'] as const) {
      expect(() => transition('offer', answered, 'accept')).toThrow(IllegalTransitionError);
    }
  });

  it('moves only a confirmed visit to a new time, which stays confirmed', () => {
    expect(transition('request', 'confirmed', 'reschedule')).toBe('confirmed');
    expect(transition('dispatch', 'confirmed', 'reschedule')).toBe('confirmed');
    for (const unfilled of ['open', 'offered', 'escalated'] as const)
      expect(() => transition('request', unfilled, 'reschedule')).toThrow(IllegalTransitionError);
    expect(() => transition('dispatch', 'cancelled', 'reschedule')).toThrow(IllegalTransitionError);
  });

  it('amends a request still looking for an interpreter, which stays where it is', () => {
    for (const unfilled of ['open', 'offered', 'escalated'] as const)
      expect(transition('request', unfilled, 'amend')).toBe(unfilled);
    expect(() => transition('request', 'confirmed', 'amend')).toThrow(IllegalTransitionError);
  });

  it("takes a trainee's consent back from any request not yet over, which stays where it is", () => {
    for (const live of ['open', 'offered', 'confirmed', 'escalated'] as const)
      expect(transition('request', live, 'withdrawTraineeConsent')).toBe(live);
    expect(statesAllowing('request', 'withdrawTraineeConsent')).toEqual(statesAllowing('request', 'cancel'));
  });

  it('records a no-show only on a confirmed dispatch', () => {
    expect(transition('dispatch', 'confirmed', 'noShow')).toBe('no_show');
    expect(() => transition('dispatch', 'completed', 'noShow')).toThrow(IllegalTransitionError);
  });

  it('lists the states a conditional update may start from', () => {
    expect(statesAllowing('request', 'cancel')).toEqual(['open', 'offered', 'confirmed', 'escalated']);
    expect(statesAllowing('request', 'cancel').every((s) => REQUEST_STATUSES.includes(s))).toBe(true);
  });
});
