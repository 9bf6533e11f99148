import { tokyoDate, tokyoMidnight, tokyoParts } from '@app/domain/model';
import { EntityManager } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';

const HOUR_MS = 3_600_000;

/** The next instant, strictly after `now`, at `hour`:00 Tokyo time. */
export function nextDailyRun(now: Date, hour: number): Date {
  const today = tokyoParts(now);
  const at = (dayOffset: number) =>
    new Date(tokyoMidnight(today.year, today.month, today.day + dayOffset).getTime() + hour * HOUR_MS);
  const run = at(0);
  return run.getTime() > now.getTime() ? run : at(1);
}

/**
 * Schedules the next run of a daily sweep as a durable job keyed by its Tokyo date, so however
 * many instances start (or the sweep reschedules itself), one job per day exists.
 */
export async function scheduleDailySweep(
  jobs: JobsService,
  manager: EntityManager,
  type: string,
  hour: number,
  now: Date,
): Promise<void> {
  const dueAt = nextDailyRun(now, hour);
  await jobs.schedule(manager, { type, dueAt, payload: {}, key: `${type}:${tokyoDate(dueAt)}` });
}
