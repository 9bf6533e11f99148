import type { DispatchPolicy } from './dispatch-config';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The parts of the dispatch policy that decide who gets the next wave. */
export type WavePolicy = Pick<DispatchPolicy, 'waveSize' | 'broadcastWithinHours' | 'broadcastWhenUrgent'>;

/** What the wave decision needs to know about the request (epoch ms, no entity). */
export interface WaveRequest {
  urgent: boolean;
  startsAt: number;
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
  /**
   * Volunteers whose earlier offer for this request expired without an answer (a subset of
   * `alreadyOffered`). When given, they are asked again — once no volunteer who was never asked
   * is left — instead of the request going to staff. Omitted: nobody is asked twice (the live
   * behaviour).
   */
  expiredUnanswered?: ReadonlySet<string>;
}

export interface WaveSelection {
  /** Who gets an offer now, in the order they were chosen; empty when nobody is left. */
  targets: string[];
  /** True when the wave went to everyone left (urgent, or the visit is near). */
  broadcast: boolean;
  /** True when the targets are volunteers asked before whose offer expired unanswered. */
  reoffer?: boolean;
}

/** Whether the request is offered to every eligible volunteer at once instead of in waves. */
export function isBroadcast(request: WaveRequest, now: number, policy: WavePolicy): boolean {
  return (policy.broadcastWhenUrgent && request.urgent) || request.startsAt - now <= policy.broadcastWithinHours * HOUR;
}

/**
 * Who gets the next wave: every eligible volunteer not asked yet when the visit is within
 * `broadcastWithinHours` (or the request is urgent, with `broadcastWhenUrgent`); otherwise the next `waveSize` of them in rank
 * order. With `expiredUnanswered`, once nobody new is left, those volunteers are asked
 * again (`selectReofferTargets`). Pure: the live offers service and the dispatch simulator both
 * call this.
 */
export function selectWaveTargets(input: WaveSelectionInput): WaveSelection {
  const fresh = input.ranked.filter((id) => !input.alreadyOffered.has(id));
  const broadcast = isBroadcast(input.request, input.now, input.policy);
  if (fresh.length === 0 && input.expiredUnanswered && input.expiredUnanswered.size > 0) {
    return { ...selectReofferTargets(input.ranked, input.expiredUnanswered), broadcast };
  }
  return { targets: broadcast ? fresh : fresh.slice(0, Math.max(0, input.policy.waveSize)), broadcast };
}

/**
 * Re-asking once nobody new is left: every still-eligible volunteer (in rank order) whose offer
 * for this request expired without an answer. Volunteers who declined are never asked again.
 * Re-offers go to all of them at once — they have each been asked already, so there is no fairness
 * reason to hold some back — and carry `reoffer: true`.
 */
export function selectReofferTargets(
  ranked: readonly string[],
  expiredUnanswered: ReadonlySet<string>,
): { targets: string[]; reoffer: true } {
  return { targets: ranked.filter((id) => expiredUnanswered.has(id)), reoffer: true };
}

// --- timing: when offers expire, when the next wave goes, when staff are called in ------------
// The live offers service and the dispatch simulator both call these (inputs are plain data and
// `now`, all epoch ms), so the policy the simulator tunes is the one the API runs.

/** The parts of the dispatch policy that time a wave: how long offers stay open and when the next wave follows. */
export type WaveTimingPolicy = WavePolicy & Pick<DispatchPolicy, 'responseWindowMinutes' | 'waveIntervalMinutes'>;

export interface WaveTimingInput {
  request: WaveRequest;
  /** When the wave is sent. */
  now: number;
  /** The wave is a re-offer to volunteers whose earlier offer expired (`WaveSelection.reoffer`). */
  reoffer?: boolean;
  /** Staff chose the volunteers themselves (not a wave of the policy). */
  chosen?: boolean;
}

export interface WaveSchedule {
  /** When the wave's offers expire. */
  expiresAt: number;
  /** When the next wave goes out if nobody has accepted by then; null: no next wave (see `planWave`). */
  nextWaveAt: number | null;
}

/**
 * What a wave sent at `now` sets in motion: its offers expire `responseWindowMinutes` later (never
 * after the visit starts), and the next wave goes `waveIntervalMinutes` later — unless this wave
 * went to everyone left (`isBroadcast`), was a re-offer (those go to everyone they can at once:
 * only their expiry follows), or was chosen by staff; and not once the visit has started.
 */
export function planWave(input: WaveTimingInput, policy: WaveTimingPolicy): WaveSchedule {
  const { request, now } = input;
  const expiresAt = offerExpiresAt(request, now, policy);
  if (input.chosen || input.reoffer || isBroadcast(request, now, policy)) return { expiresAt, nextWaveAt: null };
  const next = now + policy.waveIntervalMinutes * MINUTE;
  return { expiresAt, nextWaveAt: next < expiresAt || next < request.startsAt ? next : null };
}

/** When an offer sent at `now` expires: `responseWindowMinutes` later, or when the visit starts if that is sooner. */
export function offerExpiresAt(
  request: Pick<WaveRequest, 'startsAt'>,
  now: number,
  policy: Pick<DispatchPolicy, 'responseWindowMinutes'>,
): number {
  return Math.min(now + policy.responseWindowMinutes * MINUTE, request.startsAt);
}

/** Whether an offer that expires at `expiresAt` can no longer be answered at `now` (the expiry instant included). */
export function isOfferExpired(expiresAt: number, now: number): boolean {
  return expiresAt <= now;
}

/** The staff deadline: `escalateBeforeHours` before the visit; a request nobody has taken by then goes to staff. May be past. */
export function escalationDeadline(
  request: Pick<WaveRequest, 'startsAt'>,
  policy: Pick<DispatchPolicy, 'escalateBeforeHours'>,
): number {
  return request.startsAt - policy.escalateBeforeHours * HOUR;
}

/** When the staff-deadline timer armed at `now` fires: at the deadline, or at once when it has passed. */
export function escalationDueAt(
  request: Pick<WaveRequest, 'startsAt'>,
  now: number,
  policy: Pick<DispatchPolicy, 'escalateBeforeHours'>,
): number {
  return Math.max(now, escalationDeadline(request, policy));
}

/** Whether volunteers whose offer expired may be asked again now: the policy re-offers, and the visit is more than `untilMinutes` off. */
export function reofferWindowOpen(
  request: Pick<WaveRequest, 'startsAt'>,
  now: number,
  policy: Pick<DispatchPolicy, 'reofferExpired'>,
): boolean {
  const rule = policy.reofferExpired;
  return rule != null && request.startsAt - now > rule.untilMinutes * MINUTE;
}

/** Whether a volunteer whose offers for a request expired unanswered `times` times may get another one (at most `maxTimes`). */
export function mayReofferAfter(times: number, policy: Pick<DispatchPolicy, 'reofferExpired'>): boolean {
  return policy.reofferExpired != null && times <= policy.reofferExpired.maxTimes;
}

/**
 * Who of the volunteers whose offers for the request all expired unanswered (id → how many
 * expired) may be asked again now, as `selectWaveTargets`'s `expiredUnanswered`; undefined when
 * the re-offer window is closed (nobody is asked twice).
 */
export function reofferable(
  expiredTimes: ReadonlyMap<string, number>,
  request: Pick<WaveRequest, 'startsAt'>,
  now: number,
  policy: Pick<DispatchPolicy, 'reofferExpired'>,
): Set<string> | undefined {
  if (!reofferWindowOpen(request, now, policy)) return undefined;
  return new Set([...expiredTimes].filter(([, times]) => mayReofferAfter(times, policy)).map(([id]) => id));
}

/**
 * Optional refinement of `orderByCapHeadroom`: among volunteers with ample room under their cap,
 * those who usually answer quickly go first, so that a wave is answered sooner (the office's own
 * log of past offers says who that is; nothing about the answer itself is known in advance).
 */
export interface QuickAnswerOrder {
  /** Volunteer id → their typical (median) minutes to answer past offers; missing: not known, not quick. */
  answerMinutes: ReadonlyMap<string, number>;
  /** Typically answering within this many minutes counts as quick. */
  quickWithinMinutes: number;
  /** Room left under the cap at or above this counts as ample: among those, quick ones first. */
  ampleRoom: number;
}

/**
 * Reorders ranked volunteers so that those with more room left under their monthly cap (in the
 * visit's month) come first; equal room keeps the rank order. Meant to run before
 * `selectWaveTargets`, so that volunteers close to their cap stay free for later requests that
 * only they can take. `headroom` maps a volunteer id to dispatches left that month; a missing id
 * counts as no room. With `quick`, every room of at least `quick.ampleRoom` counts as the same and,
 * within it, quick answerers go first (then more room, then rank order). Pure.
 */
export function orderByCapHeadroom(
  ranked: readonly string[],
  headroom: ReadonlyMap<string, number>,
  quick?: QuickAnswerOrder,
): string[] {
  const isQuick = (id: string) => {
    const minutes = quick?.answerMinutes.get(id);
    return minutes !== undefined && minutes <= quick!.quickWithinMinutes ? 0 : 1;
  };
  return ranked
    .map((id, index) => {
      const left = headroom.get(id) ?? 0;
      return { id, index, left, band: quick ? Math.min(left, quick.ampleRoom) : left, slow: quick ? isQuick(id) : 0 };
    })
    .sort((a, b) => b.band - a.band || a.slow - b.slow || b.left - a.left || a.index - b.index)
    .map((x) => x.id);
}

/** How many of a volunteer's most recent answers make their typical time to answer. */
export const ANSWER_SAMPLE = 10;

/** A volunteer's typical minutes to answer an offer: the median of their last `ANSWER_SAMPLE` answers (none: unknown). */
export function typicalAnswerMinutes(minutes: readonly number[]): number | undefined {
  const recent = minutes.slice(-ANSWER_SAMPLE).sort((a, b) => a - b);
  return recent.length ? recent[Math.floor(recent.length / 2)] : undefined;
}

/** What ordering a wave by the policy's `waveOrder` needs to know about the ranked volunteers. */
export interface WaveOrderFacts {
  /** Volunteer id → dispatches left under their monthly cap in the visit's month. */
  room: ReadonlyMap<string, number>;
  /** Volunteer id → minutes their past answers took, oldest first (only the last `ANSWER_SAMPLE` count). */
  answerMinutes: ReadonlyMap<string, readonly number[]>;
}

/**
 * The ranked volunteers in the order the policy's waves take them: rank order, or by room under
 * the cap (`orderByCapHeadroom`, with the quick-answerer rule when the policy has one). The live
 * offers service and the simulator both call this.
 */
export function orderForWave(
  ranked: readonly string[],
  policy: Pick<DispatchPolicy, 'waveOrder' | 'quickAnswerers'>,
  facts: WaveOrderFacts,
): string[] {
  if (policy.waveOrder === 'rank') return [...ranked];
  const quick = policy.quickAnswerers;
  if (!quick) return orderByCapHeadroom(ranked, facts.room);
  const answerMinutes = new Map<string, number>();
  for (const id of ranked) {
    const typical = typicalAnswerMinutes(facts.answerMinutes.get(id) ?? []);
    if (typical !== undefined) answerMinutes.set(id, typical);
  }
  return orderByCapHeadroom(ranked, facts.room, {
    answerMinutes,
    quickWithinMinutes: quick.withinMinutes,
    ampleRoom: quick.ampleRoom,
  });
}
