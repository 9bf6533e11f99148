import type { DispatchPolicy } from './dispatch-config';

const HOUR = 3_600_000;

/** The parts of the dispatch policy that decide who gets the next wave. */
export type WavePolicy = Pick<DispatchPolicy, 'waveSize' | 'broadcastWithinHours'>;

/** What the wave decision needs to know about the request (epoch ms, no entity). */
export interface WaveRequest {
  urgent: boolean;
  startsAt: number;
}

/**
 * An optional assignment plan (e.g. from a periodic `batchAssign` over all open requests):
 * `preferred` volunteers are asked first; volunteers in `reserved` are planned for another
 * request and are asked only after everyone else.
 */
export interface WavePlan {
  preferred?: readonly string[];
  reserved?: ReadonlySet<string>;
}

export interface WaveSelectionInput {
  /** Eligible volunteer ids, best-ranked first (as `rankCandidates` returns them). */
  ranked: readonly string[];
  /** Volunteers already asked for this request (offers not withdrawn because of a change). */
  alreadyOffered: ReadonlySet<string>;
  request: WaveRequest;
  /** Epoch ms. */
  now: number;
  policy: WavePolicy;
  plan?: WavePlan;
}

export interface WaveSelection {
  /** Who gets an offer now, in the order they were chosen; empty when nobody is left. */
  targets: string[];
  /** True when the wave went to everyone left (urgent, or the visit is near). */
  broadcast: boolean;
}

/** Whether the request is offered to every eligible volunteer at once instead of in waves. */
export function isBroadcast(request: WaveRequest, now: number, policy: WavePolicy): boolean {
  return request.urgent || request.startsAt - now <= policy.broadcastWithinHours * HOUR;
}

/**
 * Who gets the next wave: every eligible volunteer not asked yet when the request is urgent or
 * the visit is within `broadcastWithinHours`; otherwise the next `waveSize` of them in rank
 * order. With a plan, its preferred volunteers go first and volunteers it reserved for other
 * requests last. Pure: the live offers service and the dispatch simulator both call this.
 */
export function selectWaveTargets(input: WaveSelectionInput): WaveSelection {
  const fresh = input.ranked.filter((id) => !input.alreadyOffered.has(id));
  const broadcast = isBroadcast(input.request, input.now, input.policy);
  const ordered = input.plan ? planOrder(fresh, input.plan) : fresh;
  return { targets: broadcast ? ordered : ordered.slice(0, Math.max(0, input.policy.waveSize)), broadcast };
}

function planOrder(fresh: readonly string[], plan: WavePlan): string[] {
  const freshSet = new Set(fresh);
  const preferred = [...new Set(plan.preferred ?? [])].filter((id) => freshSet.has(id));
  const first = new Set(preferred);
  const reserved = plan.reserved ?? new Set<string>();
  const rest = fresh.filter((id) => !first.has(id) && !reserved.has(id));
  const last = fresh.filter((id) => !first.has(id) && reserved.has(id));
  return [...preferred, ...rest, ...last];
}
