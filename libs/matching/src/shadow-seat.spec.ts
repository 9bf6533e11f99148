import { chooseShadow, shadowWave } from './shadow-seat';
import type { RankResult } from './rank';

const parts = { continuityPatient: 0, continuityHospital: 0, fairness: 0, department: 0, travel: 0, response: 0 };
const ranked: RankResult = {
  eligible: ['t1', 't2', 't3', 't4'].map((id, i) => ({
    volunteerId: id,
    displayName: id,
    score: 10 - i,
    parts,
    reasons: [],
  })),
  excluded: [{ volunteerId: 's1', displayName: 's1', reasons: ['LEVEL'] }],
};

describe(shadowWave.name, () => {
  it('takes the best-ranked trainees not asked yet', () => {
    expect(shadowWave({ ranked, alreadyAsked: new Set(['t1']), size: 2 })).toEqual(['t2', 't3']);
  });

  it('never offers the seat to someone excluded', () => {
    expect(shadowWave({ ranked, alreadyAsked: new Set(), exclude: new Set(['t1', 't2']) })).toEqual(['t3', 't4']);
  });
});

describe(chooseShadow.name, () => {
  it("gives the ranking's reasons for a volunteer who may not shadow (a qualified interpreter: LEVEL)", () => {
    expect(chooseShadow({ ranked, alreadyAsked: new Set() }, 's1')).toEqual({ ok: false, reasons: ['LEVEL'] });
  });

  it('refuses a trainee asked already, and accepts an eligible one', () => {
    expect(chooseShadow({ ranked, alreadyAsked: new Set(['t2']) }, 't2')).toEqual({
      ok: false,
      reasons: ['ALREADY_ASKED'],
    });
    expect(chooseShadow({ ranked, alreadyAsked: new Set() }, 't2')).toEqual({ ok: true, volunteerId: 't2' });
  });
});
