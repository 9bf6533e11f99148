import { selectWaveTargets, WaveSelectionInput } from '@app/domain';
import { planOrder, WavePlan } from './wave-plan';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-01T09:00:00+09:00');
const policy = { waveSize: 3, broadcastWithinHours: 48, broadcastWhenUrgent: true };
const ranked = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'];

/** The wave the simulator's batch-plan row sends: the plan orders the ranked volunteers, then the shared selection. */
function wave(plan: WavePlan, overrides: Partial<WaveSelectionInput> = {}) {
  const alreadyOffered = overrides.alreadyOffered ?? new Set<string>();
  const base: WaveSelectionInput = {
    ranked,
    alreadyOffered,
    request: { urgent: false, startsAt: NOW + 5 * 24 * HOUR },
    now: NOW,
    policy,
    ...overrides,
  };
  return selectWaveTargets({ ...base, ranked: planOrder(base.ranked, plan, alreadyOffered) });
}

describe('planOrder', () => {
  it('asks the planned volunteer first and volunteers reserved for other requests last', () => {
    const plan = { preferred: ['v5'], reserved: new Set(['v1', 'v2']) };
    expect(wave(plan).targets).toEqual(['v5', 'v3', 'v4']);
    expect(wave(plan, { alreadyOffered: new Set(['v3', 'v4', 'v5', 'v6']) }).targets).toEqual(['v1', 'v2']);
  });

  it('ignores a planned volunteer who is not eligible or was already asked', () => {
    expect(wave({ preferred: ['stranger', 'v1'] }, { alreadyOffered: new Set(['v1']) }).targets).toEqual([
      'v2',
      'v3',
      'v4',
    ]);
  });

  it('leaves rank order alone once everyone was asked, so a re-offer goes in rank order', () => {
    const plan = { preferred: ['v3'], reserved: new Set(['v1']) };
    expect(planOrder(ranked, plan, new Set(ranked))).toEqual(ranked);
    expect(wave(plan, { alreadyOffered: new Set(ranked), expiredUnanswered: new Set(['v1', 'v3']) })).toEqual({
      targets: ['v1', 'v3'],
      reoffer: true,
      broadcast: false,
    });
  });
});
