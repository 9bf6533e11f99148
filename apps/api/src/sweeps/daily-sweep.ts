import { TZDate } from '@date-fns/tz';
import { tokyoDate } from '@app/domain/model';
import { EntityManager } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';

const TOKYO = 'Asia/Tokyo';

/** The next instant, strictly after `now`, at `hour`:00 Tokyo time. */
export function nextDailyRun(now: Date, hour: number): Date {
  const tokyo = new TZDate(now.getTime(), TOKYO);
  let run = new TZDate(tokyo.getFullYear(), tokyo.getMonth(), tokyo.getDate(), hour, 0, 0, TOKYO);
  if (run.getTime() <= now.getTime())
    run = new TZDate(tokyo.getFullYear(), tokyo.getMonth(), tokyo.getDate() + 1, hour, 0, 0, TOKYO);
  return new Date(run.getTime());
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
