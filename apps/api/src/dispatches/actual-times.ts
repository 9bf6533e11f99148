import { InvalidError } from '@app/domain';

const HOUR = 3_600_000;

/**
 * The times of a visit that happened, as a completion, an activity report or the hospital's
 * confirmation gives them (they price the visit): in the past, in order, and less than a day long.
 */
export function checkActualTimes(actualStart: Date, actualEnd: Date, now: Date): void {
  if (actualStart > now) throw InvalidError.field('actualStart', 'actualStart cannot be in the future');
  if (actualEnd > now) throw InvalidError.field('actualEnd', 'actualEnd cannot be in the future');
  if (actualEnd <= actualStart) throw InvalidError.field('actualEnd', 'actualEnd must be after actualStart');
  if (actualEnd.getTime() - actualStart.getTime() > 24 * HOUR) throw InvalidError.field('actualEnd', 'A visit lasts less than a day');
}
