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
    label: 'Production: waves + hourly batch plan',
    kind: 'offers',
    // Tuned on seed 20260401 (see GENERATOR.md): offers stay open 12 h, staff are called in 12 h
    // before the visit, and only the last 12 h broadcast (a short lead time alone does not).
    dispatch: { ...DEFAULT_DISPATCH_POLICY, responseWindowMinutes: 720, escalateBeforeHours: 12, broadcastWithinHours: 12, leadTimeBusinessDays: 0 },
    batchPlanMinutes: 60,
    planHorizonDays: 14,
  },
];
