/**
 * The discrete-event engine: replays a scenario's year under one policy. Matching is the real
 * `libs/matching` (rankCandidates, evaluateVolunteer; the batch plan's `batchAssign` is bench
 * code on the same rules) and wave targets come from the
 * same `selectWaveTargets` the API's offers service calls; the workflow around them (offer expiry,
 * next wave, roll-on, escalation deadline, reopen after a dropout) follows the API's timers, timed
 * by the offer policy's planning functions the offers service calls too (`planWave`,
 * `escalationDueAt`, `reofferable`, `mayReofferAfter`, `isOfferExpired`).
 */
import {
  escalationDueAt,
  isBroadcast,
  isOfferExpired,
  mayReofferAfter,
  orderForWave,
  planWave,
  reofferable,
  selectWaveTargets,
} from '@app/domain/workflow/offer-policy';
import {
  compileAvailability,
  Department,
  evaluateVolunteer,
  findSwaps,
  prepareRequest,
  rankCandidates,
  RequestSnapshot,
  roomUnderCap,
  SWAP_MIN_NOTICE_MS,
  SwapOption,
  VolunteerSnapshot,
} from '@app/matching';
import { batchAssign } from '../matching/batch-assign';
import { createRng, Rng } from '../matching/synthetic';
import { EventQueue } from './event-queue';
import { PolicySpec } from './policies';
import { planOrder, WavePlan } from './wave-plan';
import {
  atTokyo,
  DAY,
  FY_END,
  FY_START,
  lognormal,
  MINUTE,
  HOUR,
  Scenario,
  ScenarioRequest,
  ScenarioVolunteer,
  tokyoDay,
  tokyoMinuteOfDay,
  tokyoWeekday,
} from './scenario';
// The request's states are the model's: offering (open, offered) and open (also escalated).
import { isOffering, isOpen } from '@app/domain/model';

const OFFICE_OPEN = 8 * 60 + 30;
const OFFICE_CLOSE = 17 * 60 + 15;
/** Staff stop phoning this close to the visit (the volunteer could not get there). */
const LAST_CALL_BEFORE_MS = 60 * MINUTE;
const MANUAL_ROUNDS = 2;

export interface RequestOutcome {
  id: string;
  language: string;
  patientKey: string;
  startsAt: number;
  filedAt: number;
  daytime: boolean;
  filled: boolean;
  volunteerId: string | null;
  firstConfirmedAt: number | null;
  escalated: boolean;
}

export interface RunResult {
  policy: PolicySpec;
  outcomes: RequestOutcome[];
  /** Completed dispatches per volunteer, in roster order (zeros included). */
  dispatchesPerVolunteer: number[];
  /** Offers sent (offer policies) or phone calls made (staff), in total. */
  contacts: number;
  escalations: number;
  dropouts: number;
  batchSolves: number;
  /** Escalated requests filled by a staff swap (`staffSwaps`). */
  swaps: number;
  /** Only with `simulate(…, { trace: true })`: who was contacted for what, and every confirmation. */
  trace?: RunTrace;
}

/** What happened to each (request, volunteer) contact, and every dispatch held (for `--diagnose`). */
export interface RunTrace {
  /** Request id → volunteer id → what came of contacting them (offers and staff calls). */
  contacts: Map<string, Map<string, ContactTrace>>;
  /** Every confirmation, in time order; `releasedAt` set when the volunteer dropped out. */
  dispatches: {
    requestId: string;
    volunteerId: string;
    startsAt: number;
    endsAt: number;
    area: string | null;
    confirmedAt: number;
    releasedAt: number | null;
  }[];
}

export interface ContactTrace {
  /** Offers sent plus staff calls made. */
  contacts: number;
  /** Times they answered an offer or picked up the phone. */
  answers: number;
  /** They said yes but were no longer eligible (taken meanwhile). */
  yesButIneligible: number;
  /** Confirmed, then dropped out before the visit. */
  droppedOut: number;
  firstAt: number;
}

interface MutableHistory {
  patientKeys: string[];
  hospitalIds: string[];
  departments: Partial<Record<Department, number>>;
}

interface SimDispatch {
  startsAt: number;
  endsAt: number;
  area: string | null;
  requestId: string;
}

interface VolunteerState {
  model: ScenarioVolunteer;
  snapshot: Omit<VolunteerSnapshot, 'dispatches' | 'history'> & { dispatches: SimDispatch[]; history: MutableHistory };
  monthCounts: Map<number, number>;
  visitStarts: number[];
  offers: number;
  answered: number;
  /** Minutes each answered offer took, most recent last (what the office sees in its logs). */
  answerMinutes: number[];
  completed: number;
}

interface RequestState {
  sc: ScenarioRequest;
  status: 'unfiled' | 'open' | 'offered' | 'confirmed' | 'escalated' | 'closed';
  /** Volunteers holding a non-withdrawn offer (the API's `already`). */
  asked: Set<string>;
  pending: Map<string, { expiresAt: number; token: number; sentAt: number }>;
  /** Asked, but the offer expired before they answered (candidates for a re-offer). */
  expiredUnanswered: Set<string>;
  /** How many of each volunteer's offers for this request expired unanswered. */
  expiredCount: Map<string, number>;
  confirmedBy: string | null;
  /** Waves sent so far: a next-wave timer set by an earlier wave is stale. */
  waves: number;
  dispatchToken: number;
  firstConfirmedAt: number | null;
  escalated: boolean;
  /** Staff phoning: who said no, who did not pick up this round. */
  calling: boolean;
  callOrder: 'roster' | 'rank';
  declined: Set<string>;
  calledThisRound: Set<string>;
  round: number;
  /** Staff swaps: volunteers already asked to hand on a dispatch for this request, and the swap being phoned. */
  swapsTried: Set<string>;
  swap: { option: SwapOption; called: Set<string> } | null;
}

type SimEvent =
  | { kind: 'file'; r: RequestState }
  | { kind: 'nextWave'; r: RequestState; wave: number }
  | { kind: 'release'; r: RequestState }
  | { kind: 'expire'; r: RequestState }
  | { kind: 'escalate'; r: RequestState }
  | { kind: 'answer'; r: RequestState; v: VolunteerState; token: number; accept: boolean }
  | { kind: 'call'; r: RequestState; v: VolunteerState; pickedUp: boolean; accept: boolean }
  | {
      kind: 'swapCall';
      r: RequestState;
      v: VolunteerState;
      role: 'holder' | 'cover';
      pickedUp: boolean;
      accept: boolean;
    }
  | { kind: 'dropout'; r: RequestState; v: VolunteerState; token: number }
  | { kind: 'visit'; r: RequestState }
  | { kind: 'callAgain'; r: RequestState }
  | { kind: 'day' };

/** A random stream fixed by (seed, request, volunteer, purpose): the same volunteer gives the same answer to the same request under every policy. */
export function pairRng(seed: number, request: number, volunteer: number, salt: number): Rng {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (request + 0x27d4eb2f), 0xc2b2ae35);
  h = Math.imul(h ^ (volunteer * 7919 + salt), 0x27d4eb2f);
  return createRng((h ^ (h >>> 15)) >>> 0);
}

function monthKey(t: number): number {
  const d = new Date(t + 9 * HOUR);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Fresh, mutable matching snapshots for the scenario's volunteers (everyone active, insured, trained). */
export function initialVolunteerStates(scenario: Scenario): VolunteerState[] {
  return scenario.volunteers.map((model) => ({
    model,
    snapshot: {
      id: model.id,
      displayName: model.id,
      languages: model.languages,
      level: model.level,
      status: 'active',
      gender: model.gender,
      homeArea: model.homeArea,
      pledgeSignedAt: FY_START - 365 * DAY,
      insuranceValidUntil: '2027-03-31',
      trainingOk: true,
      availability: compileAvailability(model.availability),
      dispatches: [],
      dispatchesThisMonth: 0,
      maxDispatchesPerMonth: model.maxDispatchesPerMonth,
      assignmentsLast30d: 0,
      assignmentsLast90d: 0,
      history: { patientKeys: [], hospitalIds: [], departments: {} },
      responseRate: null,
      bannedHospitalIds: [],
      bannedPatientKeys: [],
    },
    monthCounts: new Map(),
    visitStarts: [],
    offers: 0,
    answered: 0,
    answerMinutes: [],
    completed: 0,
  }));
}

/** Runs one policy over the scenario's year. */
export async function simulate(
  scenario: Scenario,
  policy: PolicySpec,
  options: { trace?: boolean } = {},
): Promise<RunResult> {
  return new Simulation(scenario, policy, options.trace ? { contacts: new Map(), dispatches: [] } : undefined).run();
}

class Simulation {
  private readonly queue = new EventQueue<SimEvent>();
  private readonly volunteers: VolunteerState[];
  private readonly byId = new Map<string, VolunteerState>();
  private readonly byLanguage = new Map<string, VolunteerState[]>();
  private readonly requests: RequestState[];
  private readonly requestById = new Map<string, RequestState>();
  private readonly snapshotById = new Map<string, RequestSnapshot>();
  private readonly staffFreeAt: number[];
  private contacts = 0;
  private escalations = 0;
  private dropouts = 0;
  private batchSolves = 0;
  private swaps = 0;
  private token = 0;
  private currentMonth = 0;
  private plan: { at: number; byRequest: Map<string, string>; planned: Set<string> } | null = null;

  constructor(
    private readonly scenario: Scenario,
    private readonly policy: PolicySpec,
    private readonly trace?: RunTrace,
  ) {
    this.volunteers = initialVolunteerStates(scenario);
    for (const v of this.volunteers) {
      this.byId.set(v.model.id, v);
      for (const code of new Set(v.model.languages.map((l) => l.code))) {
        const list = this.byLanguage.get(code) ?? [];
        list.push(v);
        this.byLanguage.set(code, list);
      }
    }
    this.requests = scenario.requests.map((sc) => ({
      sc,
      status: 'unfiled',
      asked: new Set(),
      pending: new Map(),
      expiredUnanswered: new Set(),
      expiredCount: new Map(),
      confirmedBy: null,
      waves: 0,
      dispatchToken: 0,
      firstConfirmedAt: null,
      escalated: false,
      calling: false,
      callOrder: 'rank',
      declined: new Set(),
      calledThisRound: new Set(),
      round: 0,
      swapsTried: new Set(),
      swap: null,
    }));
    for (const r of this.requests) {
      this.requestById.set(r.sc.snapshot.id, r);
      this.snapshotById.set(r.sc.snapshot.id, r.sc.snapshot);
    }
    this.staffFreeAt = Array.from({ length: scenario.staff }, () => 0);
  }

  async run(): Promise<RunResult> {
    const first = this.requests.length ? this.requests[0].sc.filedAt : FY_START;
    for (let day = tokyoDay(first); atTokyo(day, 0) < FY_END; day++) this.queue.push(atTokyo(day, 0), { kind: 'day' });
    for (const r of this.requests) {
      this.queue.push(r.sc.filedAt, { kind: 'file', r });
      this.queue.push(r.sc.snapshot.startsAt, { kind: 'visit', r });
    }
    for (let item = this.queue.pop(); item; item = this.queue.pop()) await this.handle(item.t, item.event);
    return {
      policy: this.policy,
      outcomes: this.requests.map((r) => ({
        id: r.sc.snapshot.id,
        language: r.sc.snapshot.language,
        patientKey: r.sc.snapshot.patientKey ?? r.sc.snapshot.id,
        startsAt: r.sc.snapshot.startsAt,
        filedAt: r.sc.filedAt,
        daytime: r.sc.daytime,
        filled: r.confirmedBy !== null,
        volunteerId: r.confirmedBy,
        firstConfirmedAt: r.firstConfirmedAt,
        escalated: r.escalated,
      })),
      dispatchesPerVolunteer: this.volunteers.map((v) => v.completed),
      contacts: this.contacts,
      escalations: this.escalations,
      dropouts: this.dropouts,
      batchSolves: this.batchSolves,
      swaps: this.swaps,
      trace: this.trace,
    };
  }

  private async handle(t: number, e: SimEvent): Promise<void> {
    switch (e.kind) {
      case 'day':
        return this.newDay(t);
      case 'file':
        e.r.status = 'open';
        if (this.policy.kind === 'manual') return this.startCalling(e.r, t, 'roster');
        if (this.policy.holdUntilDaysBefore && e.r.sc.snapshot.startsAt - t > this.policy.holdUntilDaysBefore * DAY) {
          this.queue.push(e.r.sc.snapshot.startsAt - this.policy.holdUntilDaysBefore * DAY, {
            kind: 'release',
            r: e.r,
          });
          return;
        }
        return this.startOffering(e.r, t);
      case 'release':
        if (e.r.status === 'open') return this.startOffering(e.r, t);
        return;
      case 'nextWave':
        // As in the API: a later wave (everyone declined, roll-on) set its own timer; this one is stale.
        if (e.wave !== e.r.waves) return;
        if (!isOffering(e.r.status)) return;
        if ((await this.sendWave(e.r, t)) === 0) await this.rollOn(e.r, t);
        return;
      case 'expire': {
        let any = false;
        for (const [id, offer] of e.r.pending) {
          if (isOfferExpired(offer.expiresAt, t)) {
            e.r.pending.delete(id);
            const expired = (e.r.expiredCount.get(id) ?? 0) + 1;
            e.r.expiredCount.set(id, expired);
            if (mayReofferAfter(expired, this.policy.dispatch)) e.r.expiredUnanswered.add(id);
            any = true;
          }
        }
        if (any) await this.rollOn(e.r, t);
        return;
      }
      case 'escalate':
        if (isOffering(e.r.status)) this.escalate(e.r, t);
        return;
      case 'answer':
        return this.answer(e.r, e.v, e.token, e.accept, t);
      case 'call':
        return this.callEnded(e.r, e.v, e.pickedUp, e.accept, t);
      case 'callAgain':
        // The next round of calls: whoever on the staff is free then takes it.
        if (e.r.calling) this.scheduleCall(e.r, t);
        return;
      case 'swapCall':
        return this.swapCallEnded(e.r, e.v, e.role, e.pickedUp, e.accept, t);
      case 'dropout':
        return this.dropout(e.r, e.v, e.token, t);
      case 'visit':
        return this.visit(e.r);
    }
  }

  private newDay(t: number): void {
    this.currentMonth = monthKey(t);
    for (const v of this.volunteers) {
      const s = v.snapshot;
      s.dispatchesThisMonth = v.monthCounts.get(this.currentMonth) ?? 0;
      s.assignmentsLast30d = v.visitStarts.filter((x) => x <= t && x > t - 30 * DAY).length;
      s.assignmentsLast90d = v.visitStarts.filter((x) => x <= t && x > t - 90 * DAY).length;
      if (s.dispatches.some((d) => d.endsAt < t)) s.dispatches = s.dispatches.filter((d) => d.endsAt >= t);
    }
  }

  /** Eligible volunteer ids for the request now, best-ranked first (the API pre-filters by language too). */
  private ranked(r: RequestState, t: number): string[] {
    const pool = this.byLanguage.get(r.sc.snapshot.language) ?? [];
    return rankCandidates({ request: r.sc.snapshot, volunteers: pool.map((v) => v.snapshot), now: t }).eligible.map(
      (c) => c.volunteerId,
    );
  }

  private eligibleNow(r: RequestState, v: VolunteerState, t: number): boolean {
    return evaluateVolunteer(prepareRequest(r.sc.snapshot, t), v.snapshot).eligible;
  }

  // --- the offer workflow (OffersService + WorkflowTimers) -------------------------------------

  private async startOffering(r: RequestState, t: number): Promise<void> {
    if ((await this.sendWave(r, t)) === 0) return this.escalate(r, t);
    this.queue.push(escalationDueAt(r.sc.snapshot, t, this.policy.dispatch), { kind: 'escalate', r });
  }

  private async sendWave(r: RequestState, t: number): Promise<number> {
    // isUrgent: fewer business days ahead than the policy's lead time.
    const request = {
      urgent: r.sc.businessDaysAhead < this.policy.dispatch.leadTimeBusinessDays,
      startsAt: r.sc.snapshot.startsAt,
    };
    const ranked = this.ranked(r, t);
    const volunteers = ranked.map((id) => this.byId.get(id)!);
    const prepared = prepareRequest(r.sc.snapshot, t);
    const ordered = orderForWave(ranked, this.policy.dispatch, {
      room: new Map(volunteers.map((v) => [v.model.id, roomUnderCap(prepared, v.snapshot)])),
      answerMinutes: new Map(volunteers.map((v) => [v.model.id, v.answerMinutes])),
    });
    // The batch plan (bench only) orders the volunteers not asked yet; a re-offer keeps rank order.
    const plan =
      this.policy.batchPlanMinutes && !isBroadcast(request, t, this.policy.dispatch)
        ? await this.planFor(r, t)
        : undefined;
    const planned = plan ? planOrder(ordered, plan, r.asked) : ordered;
    const expiredTimes = new Map([...r.expiredUnanswered].map((id) => [id, r.expiredCount.get(id) ?? 0]));
    const first = r.asked.size === 0 && r.declined.size === 0 && this.policy.firstWaveSize !== undefined;
    const wavePolicy = first ? { ...this.policy.dispatch, waveSize: this.policy.firstWaveSize! } : this.policy.dispatch;
    const expiredUnanswered = reofferable(expiredTimes, request, t, this.policy.dispatch);
    const { targets, reoffer } = selectWaveTargets({
      ranked: planned,
      alreadyOffered: r.asked,
      request,
      now: t,
      policy: wavePolicy,
      expiredUnanswered,
    });
    if (targets.length === 0) return 0;
    r.waves++;
    for (const id of targets) r.expiredUnanswered.delete(id);
    const { expiresAt, nextWaveAt } = planWave({ request, now: t, reoffer }, this.policy.dispatch);
    for (const id of targets) {
      const v = this.byId.get(id)!;
      const token = ++this.token;
      r.asked.add(id);
      r.pending.set(id, { expiresAt, token, sentAt: t });
      v.offers++;
      v.snapshot.responseRate = v.answered / v.offers;
      this.contacts++;
      this.traceContact(r, id, t);
      const rng = pairRng(this.scenario.seed, r.sc.index, v.model.roster, v.offers);
      const responds = rng.chance(v.model.response.pRespond);
      const at = answerTime(v.model, t, rng);
      const accept = willing(this.scenario, r.sc, v.model);
      if (responds && !isOfferExpired(expiresAt, at)) this.queue.push(at, { kind: 'answer', r, v, token, accept });
    }
    this.queue.push(expiresAt, { kind: 'expire', r });
    if (nextWaveAt !== null) this.queue.push(nextWaveAt, { kind: 'nextWave', r, wave: r.waves });
    if (r.status === 'open') r.status = 'offered';
    return targets.length;
  }

  private async rollOn(r: RequestState, t: number): Promise<void> {
    if (!isOffering(r.status)) return;
    if (r.pending.size > 0) return;
    if ((await this.sendWave(r, t)) === 0) this.escalate(r, t);
  }

  private escalate(r: RequestState, t: number): void {
    if (!isOffering(r.status)) return;
    r.status = 'escalated';
    if (!r.escalated) this.escalations++;
    r.escalated = true;
    this.startCalling(r, t, 'rank');
  }

  private async answer(r: RequestState, v: VolunteerState, token: number, accept: boolean, t: number): Promise<void> {
    const offer = r.pending.get(v.model.id);
    if (!offer || offer.token !== token || isOfferExpired(offer.expiresAt, t)) return;
    r.pending.delete(v.model.id);
    v.answered++;
    v.answerMinutes.push((t - offer.sentAt) / MINUTE);
    v.snapshot.responseRate = v.answered / v.offers;
    if (!isOpen(r.status)) return;
    this.traceAnswer(r, v.model.id, accept, t);
    if (accept && this.eligibleNow(r, v, t)) return this.confirm(r, v, t);
    r.declined.add(v.model.id);
    await this.rollOn(r, t);
  }

  // --- staff on the phone (the manual baseline, and escalated requests) ------------------------

  private startCalling(r: RequestState, t: number, order: 'roster' | 'rank'): void {
    if (r.calling) return;
    r.calling = true;
    r.callOrder = order;
    r.round = 0;
    r.calledThisRound.clear();
    this.scheduleCall(r, t);
  }

  /** The staff member free soonest and when they can call about `r` (null: too close to the visit). */
  private staffSlot(r: RequestState, earliest: number): { staff: number; start: number } | null {
    let staff = 0;
    for (let i = 1; i < this.staffFreeAt.length; i++) if (this.staffFreeAt[i] < this.staffFreeAt[staff]) staff = i;
    const start = this.nextOfficeMinute(Math.max(earliest, this.staffFreeAt[staff]));
    return start >= r.sc.snapshot.startsAt - LAST_CALL_BEFORE_MS ? null : { staff, start };
  }

  /** One phone call by `staff` from `start`: who picks up is drawn per (request, volunteer, purpose). */
  private placeCall(
    staff: number,
    start: number,
    r: RequestState,
    v: VolunteerState,
    salt: number,
  ): { ends: number; pickedUp: boolean; accept: boolean } {
    const rng = pairRng(this.scenario.seed, r.sc.index, v.model.roster, salt);
    const pickedUp = rng.chance(pickUpProbability(v.model, start, this.scenario.businessDays));
    const accept = willing(this.scenario, r.sc, v.model);
    const ends = start + (pickedUp ? 6 : 2) * MINUTE;
    this.staffFreeAt[staff] = ends;
    this.contacts++;
    this.traceContact(r, v.model.id, start);
    return { ends, pickedUp, accept };
  }

  private scheduleCall(r: RequestState, earliest: number): void {
    if (r.status === 'confirmed' || r.status === 'closed') {
      r.calling = false;
      return;
    }
    const slot = this.staffSlot(r, earliest);
    if (!slot) {
      r.calling = false;
      return;
    }
    const { staff, start } = slot;
    let candidates = this.ranked(r, start);
    if (r.callOrder === 'roster')
      candidates = candidates
        .map((id) => this.byId.get(id)!)
        .sort((a, b) => a.model.roster - b.model.roster)
        .map((v) => v.model.id);
    const next = candidates.find((id) => !r.declined.has(id) && !r.calledThisRound.has(id));
    if (!next) {
      if (this.policy.staffSwaps && r.callOrder === 'rank' && this.startSwap(r, staff, start)) return;
      const unanswered = candidates.some((id) => !r.declined.has(id));
      if (unanswered && ++r.round < MANUAL_ROUNDS) {
        r.calledThisRound.clear();
        this.queue.push(start + 2 * HOUR, { kind: 'callAgain', r });
      } else r.calling = false;
      return;
    }
    const v = this.byId.get(next)!;
    r.calledThisRound.add(next);
    const { ends, pickedUp, accept } = this.placeCall(staff, start, r, v, 1000 + r.round);
    this.queue.push(ends, { kind: 'call', r, v, pickedUp, accept });
  }

  private callEnded(r: RequestState, v: VolunteerState, pickedUp: boolean, accept: boolean, t: number): void {
    if (r.status === 'confirmed' || r.status === 'closed') {
      r.calling = false;
      return;
    }
    if (pickedUp) {
      this.traceAnswer(r, v.model.id, accept, t);
      if (accept && this.eligibleNow(r, v, t)) {
        r.calling = false;
        return this.confirm(r, v, t);
      }
      r.declined.add(v.model.id);
    }
    this.scheduleCall(r, t);
  }

  // --- staff swaps (production): free a volunteer by handing one of their dispatches on ----------

  /** Phones the holder of the best untried swap for `r` (`findSwaps`); false when none is left. */
  private startSwap(r: RequestState, staff: number, start: number): boolean {
    const options = findSwaps({
      request: r.sc.snapshot,
      volunteers: this.volunteers.map((v) => v.snapshot),
      confirmed: this.snapshotById,
      now: start,
    });
    const option = options.find((o) => !r.declined.has(o.volunteerId) && !r.swapsTried.has(o.volunteerId));
    if (!option) return false;
    r.swapsTried.add(option.volunteerId);
    r.swap = { option, called: new Set() };
    const v = this.byId.get(option.volunteerId)!;
    const { ends, pickedUp, accept } = this.placeCall(staff, start, r, v, 4000);
    this.queue.push(ends, { kind: 'swapCall', r, v, role: 'holder', pickedUp, accept });
    return true;
  }

  /** Phones the next volunteer who could take over the holder's dispatch. */
  private callCover(r: RequestState, earliest: number): void {
    const swap = r.swap!;
    const held = this.requestById.get(swap.option.releases)!;
    const slot = this.staffSlot(r, earliest);
    if (
      !slot ||
      held.confirmedBy !== swap.option.volunteerId ||
      held.sc.snapshot.startsAt - slot.start < SWAP_MIN_NOTICE_MS
    ) {
      r.swap = null;
      return slot ? this.scheduleCall(r, slot.start) : void (r.calling = false);
    }
    const next = this.ranked(held, slot.start).find((id) => !held.declined.has(id) && !swap.called.has(id));
    if (!next) {
      r.swap = null;
      return this.scheduleCall(r, slot.start);
    }
    swap.called.add(next);
    const v = this.byId.get(next)!;
    const { ends, pickedUp, accept } = this.placeCall(slot.staff, slot.start, held, v, 4001);
    this.queue.push(ends, { kind: 'swapCall', r, v, role: 'cover', pickedUp, accept });
  }

  private swapCallEnded(
    r: RequestState,
    v: VolunteerState,
    role: 'holder' | 'cover',
    pickedUp: boolean,
    accept: boolean,
    t: number,
  ): void {
    if (r.status === 'confirmed' || r.status === 'closed' || !r.swap) {
      r.calling = false;
      r.swap = null;
      return;
    }
    if (role === 'holder') {
      if (pickedUp && accept) return this.callCover(r, t);
      if (pickedUp) r.declined.add(v.model.id);
      r.swap = null;
      return this.scheduleCall(r, t);
    }
    const held = this.requestById.get(r.swap.option.releases)!;
    const holder = this.byId.get(r.swap.option.volunteerId)!;
    if (pickedUp) this.traceAnswer(held, v.model.id, accept, t);
    if (pickedUp && accept && held.confirmedBy === holder.model.id && this.eligibleNow(held, v, t)) {
      this.release(held, holder, t);
      if (this.eligibleNow(r, holder, t)) {
        this.confirm(held, v, t);
        this.confirm(r, holder, t);
        this.swaps++;
        r.calling = false;
        r.swap = null;
        return;
      }
      // Not free after all (cannot happen while nothing else moved): put the dispatch back.
      this.confirm(held, holder, t);
    }
    if (pickedUp && !accept) held.declined.add(v.model.id);
    this.callCover(r, t);
  }

  private nextOfficeMinute(t: number): number {
    let day = tokyoDay(t);
    let minute = tokyoMinuteOfDay(t);
    for (;;) {
      if (this.scenario.businessDays.has(day) && minute < OFFICE_CLOSE)
        return minute < OFFICE_OPEN ? atTokyo(day, OFFICE_OPEN) : t;
      day++;
      minute = 0;
      t = atTokyo(day, 0);
    }
  }

  // --- dispatches --------------------------------------------------------------------------------

  private confirm(r: RequestState, v: VolunteerState, t: number): void {
    const request = r.sc.snapshot;
    r.status = 'confirmed';
    r.confirmedBy = v.model.id;
    r.firstConfirmedAt ??= t;
    // The other pending offers are withdrawn: withdrawn offers do not count as asked.
    for (const id of r.pending.keys()) r.asked.delete(id);
    r.pending.clear();
    const token = ++this.token;
    r.dispatchToken = token;
    v.snapshot.dispatches.push({
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      area: request.mode === 'onsite' ? request.hospitalArea : null,
      requestId: request.id,
    });
    this.countMonth(v, request.startsAt, +1);
    this.trace?.dispatches.push({
      requestId: request.id,
      volunteerId: v.model.id,
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      area: request.mode === 'onsite' ? request.hospitalArea : null,
      confirmedAt: t,
      releasedAt: null,
    });
    const rng = pairRng(this.scenario.seed, r.sc.index, v.model.roster, 2000);
    const latest = request.startsAt - 2 * HOUR;
    if (latest > t && rng.chance(v.model.response.pDropout)) {
      const from = Math.max(t, request.startsAt - 72 * HOUR);
      this.queue.push(from + rng.next() * (latest - from), { kind: 'dropout', r, v, token });
    }
  }

  private countMonth(v: VolunteerState, startsAt: number, delta: number): void {
    const key = monthKey(startsAt);
    v.monthCounts.set(key, (v.monthCounts.get(key) ?? 0) + delta);
    if (key === this.currentMonth) v.snapshot.dispatchesThisMonth += delta;
  }

  private async dropout(r: RequestState, v: VolunteerState, token: number, t: number): Promise<void> {
    if (r.status !== 'confirmed' || r.dispatchToken !== token) return;
    this.dropouts++;
    if (this.trace) {
      const contact = this.trace.contacts.get(r.sc.snapshot.id)?.get(v.model.id);
      if (contact) contact.droppedOut++;
    }
    this.release(r, v, t);
    r.status = 'open';
    r.declined.add(v.model.id);
    if (this.policy.kind === 'manual') return this.startCalling(r, t, 'roster');
    await this.rollOn(r, t);
    // As in the API (`OffersService.reopened`): the staff deadline is set again, at once when it has passed.
    this.queue.push(escalationDueAt(r.sc.snapshot, t, this.policy.dispatch), { kind: 'escalate', r });
  }

  /** The volunteer no longer holds the request's dispatch (dropped out, or handed it on). */
  private release(r: RequestState, v: VolunteerState, t: number): void {
    v.snapshot.dispatches = v.snapshot.dispatches.filter((d) => d.requestId !== r.sc.snapshot.id);
    this.countMonth(v, r.sc.snapshot.startsAt, -1);
    r.confirmedBy = null;
    r.dispatchToken = 0;
    const held = this.trace?.dispatches.find(
      (d) => d.requestId === r.sc.snapshot.id && d.volunteerId === v.model.id && d.releasedAt === null,
    );
    if (held) held.releasedAt = t;
  }

  private visit(r: RequestState): void {
    r.status = 'closed';
    r.pending.clear();
    if (!r.confirmedBy) return;
    const v = this.byId.get(r.confirmedBy)!;
    const request = r.sc.snapshot;
    v.completed++;
    v.visitStarts.push(request.startsAt);
    const history = v.snapshot.history;
    if (request.patientKey && !history.patientKeys.includes(request.patientKey))
      history.patientKeys.push(request.patientKey);
    if (!history.hospitalIds.includes(request.hospitalId)) history.hospitalIds.push(request.hospitalId);
    history.departments[request.department] = (history.departments[request.department] ?? 0) + 1;
  }

  private traceContact(r: RequestState, volunteerId: string, t: number): void {
    if (!this.trace) return;
    const byVolunteer = this.trace.contacts.get(r.sc.snapshot.id) ?? new Map<string, ContactTrace>();
    this.trace.contacts.set(r.sc.snapshot.id, byVolunteer);
    const c = byVolunteer.get(volunteerId) ?? {
      contacts: 0,
      answers: 0,
      yesButIneligible: 0,
      droppedOut: 0,
      firstAt: t,
    };
    c.contacts++;
    byVolunteer.set(volunteerId, c);
  }

  private traceAnswer(r: RequestState, volunteerId: string, accept: boolean, t: number): void {
    const c = this.trace?.contacts.get(r.sc.snapshot.id)?.get(volunteerId);
    if (!c) return;
    c.answers++;
    if (accept && !this.eligibleNow(r, this.byId.get(volunteerId)!, t)) c.yesButIneligible++;
  }

  // --- the batch plan (production policy) --------------------------------------------------------

  private async planFor(r: RequestState, t: number): Promise<WavePlan> {
    const every = (this.policy.batchPlanMinutes ?? 60) * MINUTE;
    if (!this.plan || t - this.plan.at >= every) {
      const horizon = t + (this.policy.planHorizonDays ?? 14) * DAY;
      const open = this.requests.filter(
        (x) => isOpen(x.status) && x.sc.snapshot.startsAt > t && x.sc.snapshot.startsAt <= horizon,
      );
      const result = await batchAssign(
        { requests: open.map((x) => x.sc.snapshot), volunteers: this.volunteers.map((v) => v.snapshot), now: t },
        { timeLimitSeconds: 2 },
      );
      this.batchSolves++;
      const byRequest = new Map(result.assignments.map((a) => [a.requestId, a.volunteerId]));
      this.plan = { at: t, byRequest, planned: new Set(byRequest.values()) };
    }
    const mine = this.plan.byRequest.get(r.sc.snapshot.id);
    return { preferred: mine ? [mine] : [], reserved: this.plan.planned };
  }
}

function atWork(v: ScenarioVolunteer, t: number, businessDays: ReadonlySet<number>): boolean {
  if (v.lifestyle !== 'day_job') return false;
  const weekday = tokyoWeekday(t);
  if (weekday > 5 || weekday === v.dayOff || !businessDays.has(tokyoDay(t))) return false;
  const m = tokyoMinuteOfDay(t);
  return m >= 9 * 60 && m < 18 * 60 && !(m >= 12 * 60 && m < 13 * 60);
}

/** When an offer sent at `sentAt` is answered: a personal delay, deferred past sleep and work. */
export function answerTime(v: ScenarioVolunteer, sentAt: number, rng: Rng): number {
  let t = sentAt + lognormal(rng, v.response.medianDelayMinutes, 0.9) * MINUTE;
  const day = tokyoDay(t);
  const m = tokyoMinuteOfDay(t);
  if (m < 7 * 60) t = atTokyo(day, 7 * 60) + rng.int(0, 60) * MINUTE;
  else if (m >= 22 * 60 + 30) t = atTokyo(day + 1, 7 * 60) + rng.int(0, 60) * MINUTE;
  else if (v.lifestyle === 'day_job' && tokyoWeekday(t) <= 5 && tokyoWeekday(t) !== v.dayOff) {
    if (m >= 9 * 60 && m < 12 * 60) t = atTokyo(day, 12 * 60) + rng.int(0, 45) * MINUTE;
    else if (m >= 13 * 60 && m < 18 * 60) t = atTokyo(day, 18 * 60) + rng.int(0, 60) * MINUTE;
  }
  return t;
}

/**
 * Whether the volunteer would take this request if asked: one draw per (request, volunteer), the
 * same under every policy and known to the offline optimum. Short-notice visits (filed less than
 * 24 hours ahead) are accepted less often: plans are already made.
 */
export function willing(scenario: Scenario, r: ScenarioRequest, v: ScenarioVolunteer): boolean {
  const lead = r.snapshot.startsAt - r.filedAt;
  return pairRng(scenario.seed, r.index, v.roster, 3000).chance(v.response.pAccept * (lead < 24 * HOUR ? 0.8 : 1));
}

/**
 * Whether the volunteer, once confirmed for this request, drops out before the visit (when
 * confirmed more than 2 hours ahead): the same draw as `confirm` makes, one per (request, volunteer).
 */
export function wouldDropOut(scenario: Scenario, r: ScenarioRequest, v: ScenarioVolunteer): boolean {
  return pairRng(scenario.seed, r.index, v.roster, 2000).chance(v.response.pDropout);
}

function pickUpProbability(v: ScenarioVolunteer, t: number, businessDays: ReadonlySet<number>): number {
  return atWork(v, t, businessDays) ? 0.1 : v.response.pPickUp;
}
