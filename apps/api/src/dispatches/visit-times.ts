import { ConflictError, InvalidError } from '@app/domain';

const HOUR = 3_600_000;

/** The rules of a visit's time that completion, no-shows, cancellations and reports share. */

/**
 * The times of a visit that happened, as a completion, an activity report or the hospital's
 * confirmation gives them (they price the visit): in the past, in order, and less than a day long.
 */
export function checkActualTimes(actualStart: Date, actualEnd: Date, now: Date): void {
  if (actualStart > now) throw InvalidError.field('actualStart', 'actualStart cannot be in the future');
  if (actualEnd > now) throw InvalidError.field('actualEnd', 'actualEnd cannot be in the future');
  if (actualEnd <= actualStart) throw InvalidError.field('actualEnd', 'actualEnd must be after actualStart');
  if (actualEnd.getTime() - actualStart.getTime() > 24 * HOUR)
    throw InvalidError.field('actualEnd', 'A visit lasts less than a day');
}

/** Completion or a no-show only once the visit has started: before, the patient and the interpreter may still come. */
export function assertVisitStarted(startsAt: Date, now: Date): void {
  if (startsAt > now) throw new ConflictError('VISIT_NOT_HAPPENED', 'The visit has not started yet');
}

/** A filled visit that is over happened or did not: completion or a no-show says which; cancelling it would offer a past visit. */
export function assertVisitNotEnded(endsAt: Date, now: Date): void {
  if (endsAt <= now)
    throw new ConflictError('VISIT_ENDED', 'The visit is over: record its completion or a no-show instead');
}
