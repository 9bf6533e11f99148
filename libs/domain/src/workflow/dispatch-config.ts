import { DEFAULT_LEAD_TIME_BUSINESS_DAYS } from '../model/lead-time';

/**
 * The programme's dispatch policy: how offers go out, how long volunteers have to answer, and
 * when staff are pulled in. Data, not code, so the programme can tune it: `npm run simulate`
 * replays a year under this very policy (its "Production" row) next to the alternatives.
 */
export interface DispatchPolicy {
  /** Volunteers offered per wave. */
  waveSize: number;
  /** Minutes between waves while nobody has accepted. */
  waveIntervalMinutes: number;
  /** How long one offer stays open (capped by the deadline). */
  responseWindowMinutes: number;
  /** Inside this many hours before the visit, offer to every eligible volunteer at once. */
  broadcastWithinHours: number;
  /** Offer an urgent request (short lead time, see `leadTimeBusinessDays`) to everyone at once too. */
  broadcastWhenUrgent: boolean;
  /**
   * Once every eligible volunteer has been asked, ask again (all at once) those whose offers for
   * the request all expired unanswered, at most `maxTimes` more times each and not within
   * `untilMinutes` of the visit; decliners never. Null: nobody is asked twice and the request goes
   * to staff.
   */
  reofferExpired: { untilMinutes: number; maxTimes: number } | null;
  /**
   * The order a wave takes from the ranked candidates. `rank`: the matching score. `capRoom`:
   * most room left under the monthly cap in the visit's month first (rank order within equal
   * room), so that volunteers near their cap stay free for requests only they can take; with
   * `quickAnswerers`, every room of at least `ampleRoom` counts as equal and within it those whose
   * median time to answer their last offers is at most `withinMinutes` go first
   * (`orderByCapHeadroom`).
   */
  waveOrder: 'rank' | 'capRoom';
  quickAnswerers: { withinMinutes: number; ampleRoom: number } | null;
  /** A request nobody took this many hours before the visit is escalated to staff. */
  escalateBeforeHours: number;
  /** Lead time a hospital should give, in Japanese business days; less marks the request urgent. */
  leadTimeBusinessDays: number;
  /** The volunteer is asked to reconfirm this many hours before the visit… */
  reconfirmBeforeHours: number;
  /** …and staff are alerted when no answer came by this many hours before. */
  reconfirmDeadlineHours: number;
  /** A cancellation inside this many hours before the visit is a late cancellation. */
  lateCancellationHours: number;
  /** Reminders go out this many hours before the visit (the day before). */
  reminderBeforeHours: number;
  /**
   * Each confirmed dispatch blocks the volunteer this many minutes before and after the visit in
   * the database's no-overlap constraint: a floor for travel, so two dispatches are at least
   * twice this apart. Longer trips between areas are checked by the matching rules, per volunteer
   * under a row lock.
   */
  minimumBufferMinutes: number;
  /**
   * When the interpreter's seat of a request whose hospital agreed to a trainee (`traineeWelcome`)
   * is filled, offer its shadow seat to a wave of the best eligible trainees at once (otherwise
   * staff offer it by hand).
   */
  shadowWaveOnConfirm?: boolean;
}

/**
 * The live policy, tuned with the simulator (bench/simulator, README "Dispatch simulator") on
 * seed 20260401 and checked on other seeds and the large size: offers stay open 12 hours, a
 * wave every hour to the 3 volunteers with most room under their cap (quick answerers first
 * among those with ample room), everyone at once only in the last 12 hours, up to two more
 * offers for volunteers who let theirs expire, and staff called in 12 hours before the visit.
 */
export const DEFAULT_DISPATCH_POLICY: DispatchPolicy = {
  waveSize: 3,
  waveIntervalMinutes: 60,
  responseWindowMinutes: 720,
  broadcastWithinHours: 12,
  broadcastWhenUrgent: false,
  reofferExpired: { untilMinutes: 120, maxTimes: 2 },
  waveOrder: 'capRoom',
  quickAnswerers: { withinMinutes: 30, ampleRoom: 4 },
  escalateBeforeHours: 12,
  leadTimeBusinessDays: DEFAULT_LEAD_TIME_BUSINESS_DAYS,
  reconfirmBeforeHours: 48,
  reconfirmDeadlineHours: 24,
  lateCancellationHours: 24,
  reminderBeforeHours: 24,
  minimumBufferMinutes: 10,
  shadowWaveOnConfirm: false,
};

/** Whether giving up a visit starting at `startsAt` is a late cancellation when done at `now`. */
export function isLateCancellation(
  policy: Pick<DispatchPolicy, 'lateCancellationHours'>,
  startsAt: Date,
  now: Date,
): boolean {
  return startsAt.getTime() - now.getTime() < policy.lateCancellationHours * 3_600_000;
}
