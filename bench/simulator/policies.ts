import { DEFAULT_DISPATCH_POLICY, DispatchPolicy } from '@app/domain/workflow/dispatch-config';

/**
 * How requests are filled in one simulated year.
 * `manual`: staff phone eligible volunteers one by one in roster order, in office hours.
 * `offers`: the live offer workflow (waves, expiry, roll-on, escalation to staff who then phone),
 * with the wave targets chosen by the shared `selectWaveTargets`; `batchPlanMinutes` adds a
 * periodic `batchAssign` plan over all open requests that orders each wave.
 */
export interface PolicySpec {
  id: string;
  label: string;
  kind: 'manual' | 'offers';
  dispatch: DispatchPolicy;
  /** Re-plan at most this often (minutes of simulated time), when a wave needs the plan. */
  batchPlanMinutes?: number;
  /** Only requests with a visit within this many days enter the plan. */
  planHorizonDays?: number;
  /**
   * Once nobody who was never asked is left, offer again (all at once) to volunteers whose offer
   * for the request expired unanswered, instead of waiting for staff (`selectWaveTargets`'s
   * `expiredUnanswered`). Decliners are never asked again.
   */
  reofferExpired?: boolean;
  /**
   * Order each wave by room left under the volunteer's monthly cap in the visit's month, most
   * first, rank order within equal room (`orderByCapHeadroom`), before the batch plan's order.
   */
  capHeadroomFirst?: boolean;
  /**
   * Once staff have phoned everyone eligible for an escalated request, they look for a swap
   * (`findSwaps`): a volunteer kept from it only by one of their confirmed dispatches, which
   * someone else could take over. They phone that volunteer, then the possible covers; the
   * dispatch moves and the volunteer takes the request only when both said yes.
   */
  staffSwaps?: boolean;
  /** Experiment knob (not in any listed policy): offer a request filed more than this many days ahead only from then on. */
  holdUntilDaysBefore?: number;
  /** Experiment knob (not in any listed policy): the first wave goes to this many volunteers (later waves: `dispatch.waveSize`). */
  firstWaveSize?: number;
  /**
   * With `capHeadroomFirst`: every room of at least `ampleRoom` dispatches counts as the same, and
   * within it volunteers whose median time to answer their past offers is at most `withinMinutes`
   * go first (`orderByCapHeadroom`'s `quick`). Only the office's log of past answers is used.
   */
  quickAnswerers?: { withinMinutes: number; ampleRoom: number };
}

export const POLICIES: readonly PolicySpec[] = [
  { id: 'manual', label: 'Manual (phone, roster order)', kind: 'manual', dispatch: DEFAULT_DISPATCH_POLICY },
  {
    id: 'broadcast',
    label: 'Broadcast to all eligible',
    kind: 'offers',
    dispatch: { ...DEFAULT_DISPATCH_POLICY, waveSize: Number.MAX_SAFE_INTEGER, broadcastWithinHours: Number.MAX_SAFE_INTEGER },
  },
  {
    id: 'waves',
    label: `Waves of ${DEFAULT_DISPATCH_POLICY.waveSize} / ${DEFAULT_DISPATCH_POLICY.waveIntervalMinutes} min (live default)`,
    kind: 'offers',
    dispatch: DEFAULT_DISPATCH_POLICY,
  },
  {
    id: 'production',
    label: 'Production: waves + batch plan + swaps',
    kind: 'offers',
    // Tuned on seed 20260401 and checked on seeds 7 and 11 and the large size (see GENERATOR.md;
    // the generator and the response model were not changed): offers stay open 12 h, a wave every
    // 60 min, staff are called in 12 h before the visit, only the last 12 h broadcast (a short
    // lead time alone does not); waves go to volunteers with the most room under their monthly
    // cap first (4 or more left counts as ample, and among those, volunteers whose median answer to
    // past offers took 30 min or less go first), and once everyone was asked, those whose offer
    // expired unanswered are asked again. Staff who have phoned everyone for an escalated request
    // look for a swap (`findSwaps`, also `GET /api/requests/:id/swaps`).
    dispatch: {
      ...DEFAULT_DISPATCH_POLICY,
      responseWindowMinutes: 720,
      waveIntervalMinutes: 60,
      escalateBeforeHours: 12,
      broadcastWithinHours: 12,
      leadTimeBusinessDays: 0,
    },
    batchPlanMinutes: 60,
    planHorizonDays: 14,
    reofferExpired: true,
    capHeadroomFirst: true,
    quickAnswerers: { withinMinutes: 30, ampleRoom: 4 },
    staffSwaps: true,
  },
];
