import { DEFAULT_DISPATCH_POLICY } from './dispatch-config';
import {
  escalationDeadline,
  escalationDueAt,
  isBroadcast,
  isOfferExpired,
  mayReofferAfter,
  offerExpiresAt,
  orderByCapHeadroom,
  orderForWave,
  planWave,
  reofferable,
  reofferWindowOpen,
  selectReofferTargets,
  selectWaveTargets,
  typicalAnswerMinutes,
  WaveSelectionInput,
} from './offer-policy';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-01T09:00:00+09:00');
const policy = { waveSize: 3, broadcastWithinHours: 48, broadcastWhenUrgent: true };
const ranked = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'];

function input(overrides: Partial<WaveSelectionInput> = {}): WaveSelectionInput {
  return {
    ranked,
    alreadyOffered: new Set(),
    request: { urgent: false, startsAt: NOW + 5 * 24 * HOUR },
    now: NOW,
    policy,
    ...overrides,
  };
}

describe('selectWaveTargets', () => {
  it('offers the top waveSize eligible volunteers in rank order', () => {
    expect(selectWaveTargets(input())).toEqual({ targets: ['v1', 'v2', 'v3'], broadcast: false });
  });

  it('skips volunteers already offered and takes the next ones', () => {
    expect(selectWaveTargets(input({ alreadyOffered: new Set(['v1', 'v2', 'v3', 'v5']) })).targets).toEqual([
      'v4',
      'v6',
    ]);
  });

  it('offers everyone left at once when the request is urgent', () => {
    const selection = selectWaveTargets(
      input({ request: { urgent: true, startsAt: NOW + 5 * 24 * HOUR }, alreadyOffered: new Set(['v2']) }),
    );
    expect(selection).toEqual({ targets: ['v1', 'v3', 'v4', 'v5', 'v6'], broadcast: true });
  });

  it('offers everyone left at once when the visit is within broadcastWithinHours, and not just outside it', () => {
    expect(selectWaveTargets(input({ request: { urgent: false, startsAt: NOW + 48 * HOUR } })).broadcast).toBe(true);
    expect(selectWaveTargets(input({ request: { urgent: false, startsAt: NOW + 48 * HOUR + 60_000 } })).broadcast).toBe(
      false,
    );
  });

  it('returns no targets when everyone eligible has been asked', () => {
    expect(selectWaveTargets(input({ alreadyOffered: new Set(ranked) })).targets).toEqual([]);
  });

  it('agrees with isBroadcast under the default policy', () => {
    const request = { urgent: false, startsAt: NOW + 10 * HOUR };
    expect(isBroadcast(request, NOW, DEFAULT_DISPATCH_POLICY)).toBe(true);
    expect(selectWaveTargets(input({ request, policy: DEFAULT_DISPATCH_POLICY })).targets).toEqual(ranked);
  });

  it('under the live policy, an urgent request further off than broadcastWithinHours still goes in waves', () => {
    const request = { urgent: true, startsAt: NOW + DEFAULT_DISPATCH_POLICY.broadcastWithinHours * HOUR + 60_000 };
    expect(DEFAULT_DISPATCH_POLICY.broadcastWhenUrgent).toBe(false);
    expect(selectWaveTargets(input({ request, policy: DEFAULT_DISPATCH_POLICY }))).toEqual({
      targets: ['v1', 'v2', 'v3'],
      broadcast: false,
    });
    expect(
      selectWaveTargets(input({ request, policy: { ...DEFAULT_DISPATCH_POLICY, broadcastWhenUrgent: true } }))
        .broadcast,
    ).toBe(true);
  });

  it('asks again, all at once, the volunteers whose offer expired unanswered once nobody new is left', () => {
    const expiredUnanswered = new Set(['v5', 'v2', 'gone']);
    expect(selectWaveTargets(input({ alreadyOffered: new Set(ranked), expiredUnanswered }))).toEqual({
      targets: ['v2', 'v5'],
      broadcast: false,
      reoffer: true,
    });
  });

  it('asks fresh volunteers before any re-offer, and never re-offers without expiredUnanswered', () => {
    const expiredUnanswered = new Set(['v1']);
    expect(selectWaveTargets(input({ alreadyOffered: new Set(['v1', 'v2']), expiredUnanswered }))).toEqual({
      targets: ['v3', 'v4', 'v5'],
      broadcast: false,
    });
    expect(selectWaveTargets(input({ alreadyOffered: new Set(ranked) }))).toEqual({ targets: [], broadcast: false });
    expect(selectWaveTargets(input({ alreadyOffered: new Set(ranked), expiredUnanswered: new Set() }))).toEqual({
      targets: [],
      broadcast: false,
    });
  });
});

describe('selectReofferTargets', () => {
  it('keeps rank order and drops volunteers no longer eligible', () => {
    expect(selectReofferTargets(['a', 'b', 'c'], new Set(['c', 'a', 'x']))).toEqual({
      targets: ['a', 'c'],
      reoffer: true,
    });
  });
});

describe('orderByCapHeadroom', () => {
  it('puts volunteers with more room under their monthly cap first, rank order within equal room', () => {
    const headroom = new Map([
      ['v1', 1],
      ['v2', 4],
      ['v3', 1],
      ['v4', 4],
      ['v5', 0],
    ]);
    expect(orderByCapHeadroom(ranked, headroom)).toEqual(['v2', 'v4', 'v1', 'v3', 'v5', 'v6']);
  });

  it('keeps the rank order when everyone has the same room', () => {
    expect(orderByCapHeadroom(ranked, new Map(ranked.map((id) => [id, 2])))).toEqual(ranked);
  });

  it('with quick answerers: ample room counts as one, quick answerers first within it, then less room', () => {
    const headroom = new Map([
      ['v1', 6],
      ['v2', 4],
      ['v3', 9],
      ['v4', 2],
      ['v5', 3],
      ['v6', 3],
    ]);
    // v2 and v6 answer within 30 minutes; v4 too, but it is close to its cap; v1 is slow; v3, v5 unknown.
    const answerMinutes = new Map([
      ['v1', 95],
      ['v2', 12],
      ['v4', 5],
      ['v6', 30],
    ]);
    const order = orderByCapHeadroom(ranked, headroom, { answerMinutes, quickWithinMinutes: 30, ampleRoom: 4 });
    // Room ≥ 4: v2 (quick), then v3 (room 9) and v1 (room 6); room 3: v6 (quick), v5; room 2: v4.
    expect(order).toEqual(['v2', 'v3', 'v1', 'v6', 'v5', 'v4']);
    // Without answer times it is the plain order by room.
    expect(
      orderByCapHeadroom(ranked, headroom, { answerMinutes: new Map(), quickWithinMinutes: 30, ampleRoom: 4 }),
    ).toEqual(orderByCapHeadroom(ranked, headroom));
  });
});

describe('typicalAnswerMinutes', () => {
  it('is the median of the last ten answers (the upper one of an even count), unknown without any', () => {
    expect(typicalAnswerMinutes([])).toBeUndefined();
    expect(typicalAnswerMinutes([40])).toBe(40);
    expect(typicalAnswerMinutes([50, 10, 30, 20])).toBe(30);
    // Twelve answers: the two oldest (600 and 500 minutes) no longer count.
    expect(typicalAnswerMinutes([600, 500, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(6);
  });
});

describe('orderForWave', () => {
  const facts = {
    room: new Map([
      ['v1', 1],
      ['v2', 6],
      ['v3', 4],
      ['v4', 0],
    ]),
    answerMinutes: new Map([
      ['v3', [10, 20, 15]],
      ['v2', [300, 200]],
    ]),
  };
  const order = ['v1', 'v2', 'v3', 'v4'];

  it('keeps the rank order under waveOrder "rank"', () => {
    expect(orderForWave(order, { waveOrder: 'rank', quickAnswerers: null }, facts)).toEqual(order);
  });

  it('puts most room under the cap first under "capRoom"', () => {
    expect(orderForWave(order, { waveOrder: 'capRoom', quickAnswerers: null }, facts)).toEqual([
      'v2',
      'v3',
      'v1',
      'v4',
    ]);
  });

  it('with quickAnswerers, counts ample room as equal and asks the quick answerer first', () => {
    // v2 (6 left) and v3 (4 left) both have ample room; v3 answers in 15 min typically, v2 in 300.
    expect(orderForWave(order, DEFAULT_DISPATCH_POLICY, facts)).toEqual(['v3', 'v2', 'v1', 'v4']);
  });
});

describe('planWave', () => {
  const MINUTE = 60_000;
  const live = DEFAULT_DISPATCH_POLICY;
  const farOff = { urgent: false, startsAt: NOW + 5 * 24 * HOUR };

  it('under the live policy: offers open 12 hours, the next wave an hour later', () => {
    expect(planWave({ request: farOff, now: NOW }, live)).toEqual({
      expiresAt: NOW + 12 * HOUR,
      nextWaveAt: NOW + HOUR,
    });
  });

  it('never lets an offer outlive the visit: it expires when the visit starts', () => {
    const soon = { urgent: false, startsAt: NOW + 13 * HOUR };
    const policy = { ...live, responseWindowMinutes: 24 * 60 };
    expect(planWave({ request: soon, now: NOW }, policy).expiresAt).toBe(soon.startsAt);
    expect(offerExpiresAt(soon, NOW, policy)).toBe(soon.startsAt);
    expect(offerExpiresAt(farOff, NOW, policy)).toBe(NOW + 24 * HOUR);
  });

  it('sends no next wave after a broadcast, a re-offer or a wave staff chose', () => {
    const near = { urgent: false, startsAt: NOW + live.broadcastWithinHours * HOUR };
    expect(planWave({ request: near, now: NOW }, live).nextWaveAt).toBeNull();
    expect(planWave({ request: { ...near, startsAt: near.startsAt + MINUTE }, now: NOW }, live).nextWaveAt).toBe(
      NOW + HOUR,
    );
    expect(planWave({ request: farOff, now: NOW, reoffer: true }, live)).toEqual({
      expiresAt: NOW + 12 * HOUR,
      nextWaveAt: null,
    });
    expect(planWave({ request: farOff, now: NOW, chosen: true }, live).nextWaveAt).toBeNull();
    expect(
      planWave({ request: { ...farOff, urgent: true }, now: NOW }, { ...live, broadcastWhenUrgent: true }).nextWaveAt,
    ).toBeNull();
  });

  it('sends no next wave that would come at or after the visit', () => {
    const policy = { ...live, broadcastWithinHours: 0, waveIntervalMinutes: 60 };
    expect(planWave({ request: { urgent: false, startsAt: NOW + HOUR + MINUTE }, now: NOW }, policy).nextWaveAt).toBe(
      NOW + HOUR,
    );
    expect(planWave({ request: { urgent: false, startsAt: NOW + HOUR }, now: NOW }, policy).nextWaveAt).toBeNull();
  });

  it('counts an offer as expired from its expiry instant on', () => {
    expect(isOfferExpired(NOW, NOW - 1)).toBe(false);
    expect(isOfferExpired(NOW, NOW)).toBe(true);
  });
});

describe('escalationDeadline / escalationDueAt', () => {
  const request = { startsAt: NOW + 5 * 24 * HOUR };

  it('calls staff in escalateBeforeHours before the visit', () => {
    expect(escalationDeadline(request, DEFAULT_DISPATCH_POLICY)).toBe(request.startsAt - 12 * HOUR);
    expect(escalationDueAt(request, NOW, DEFAULT_DISPATCH_POLICY)).toBe(request.startsAt - 12 * HOUR);
  });

  it('fires at once when the deadline has passed (the deadline itself stays in the past)', () => {
    const soon = { startsAt: NOW + 2 * HOUR };
    expect(escalationDeadline(soon, DEFAULT_DISPATCH_POLICY)).toBe(NOW - 10 * HOUR);
    expect(escalationDueAt(soon, NOW, DEFAULT_DISPATCH_POLICY)).toBe(NOW);
  });
});

describe('reofferable', () => {
  const live = DEFAULT_DISPATCH_POLICY;
  const expired = new Map([
    ['v1', 1],
    ['v2', 2],
    ['v3', 3],
  ]);

  it('asks again those whose offers expired at most maxTimes times', () => {
    expect(reofferable(expired, { startsAt: NOW + 24 * HOUR }, NOW, live)).toEqual(new Set(['v1', 'v2']));
    expect(mayReofferAfter(2, live)).toBe(true);
    expect(mayReofferAfter(3, live)).toBe(false);
  });

  it('closes the window untilMinutes before the visit', () => {
    const edge = { startsAt: NOW + 120 * 60_000 };
    expect(reofferWindowOpen(edge, NOW, live)).toBe(false);
    expect(reofferable(expired, edge, NOW, live)).toBeUndefined();
    expect(reofferWindowOpen({ startsAt: edge.startsAt + 1 }, NOW, live)).toBe(true);
  });

  it('asks nobody twice when the policy does not re-offer', () => {
    const policy = { ...live, reofferExpired: null };
    expect(reofferable(expired, { startsAt: NOW + 24 * HOUR }, NOW, policy)).toBeUndefined();
    expect(mayReofferAfter(1, policy)).toBe(false);
  });
});
