import { DEFAULT_DISPATCH_POLICY, DispatchPolicy } from '@app/domain/workflow/dispatch-config';

/**
 * The API's policy before it was tuned (until 2026-11-27): waves of 3 in rank order every 30
 * minutes, offers open 2 hours, everyone at once when urgent or within 48 hours, nobody asked
 * twice, staff 24 hours before. The simulator's reference row; the API does not use it.
 */
export const UNTUNED_DISPATCH_POLICY: DispatchPolicy = {
  ...DEFAULT_DISPATCH_POLICY,
  waveIntervalMinutes: 30,
  responseWindowMinutes: 120,
  broadcastWithinHours: 48,
  broadcastWhenUrgent: true,
  reofferExpired: null,
  waveOrder: 'rank',
  quickAnswerers: null,
  escalateBeforeHours: 24,
};

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
}

export const POLICIES: readonly PolicySpec[] = [
  { id: 'manual', label: 'Manual (phone, roster order)', kind: 'manual', dispatch: DEFAULT_DISPATCH_POLICY },
  {
    id: 'broadcast',
    label: 'Broadcast to all eligible',
    kind: 'offers',
    dispatch: {
      ...UNTUNED_DISPATCH_POLICY,
      waveSize: Number.MAX_SAFE_INTEGER,
      broadcastWithinHours: Number.MAX_SAFE_INTEGER,
    },
  },
  {
    id: 'waves',
    label: `Waves of ${UNTUNED_DISPATCH_POLICY.waveSize} / ${UNTUNED_DISPATCH_POLICY.waveIntervalMinutes} min (before tuning)`,
    kind: 'offers',
    dispatch: UNTUNED_DISPATCH_POLICY,
  },
  {
    id: 'production',
    label: 'Production: the live policy + staff swaps',
    kind: 'offers',
    // Exactly what the API runs: `DEFAULT_DISPATCH_POLICY` (its comment and the README say what it
    // does and how it was tuned), and staff who have phoned everyone for an escalated request look
    // for a swap (`findSwaps`, also `GET /api/requests/:id/swaps`).
    dispatch: DEFAULT_DISPATCH_POLICY,
    staffSwaps: true,
  },
  {
    id: 'batch-plan',
    label: 'Production + hourly batch plan',
    kind: 'offers',
    // The live policy with each wave ordered by a `batchAssign` plan over every open request of
    // the next 14 days, recomputed at most hourly: measured, and not in the API because it fills
    // no more (README, "Dispatch simulator").
    dispatch: DEFAULT_DISPATCH_POLICY,
    staffSwaps: true,
    batchPlanMinutes: 60,
    planHorizonDays: 14,
  },
];
