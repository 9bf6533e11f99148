import { BillableVisit, FeeTerms, hospitalCharge, ruleFor, volunteerHonorarium } from './fee-calculator';

const RULE: FeeTerms = {
  id: 'r1',
  validFrom: '2000-01-01',
  hospitalBaseYen: 3000,
  baseMinutes: 120,
  hospitalExtraHourYen: 1000,
  lateCancellationYen: 3000,
  patientNoShowYen: 3000,
  volunteerFlatYen: 3000,
  volunteerTransport: 'included',
  traineeTransportPaid: false,
};
const visit = (over: Partial<BillableVisit> = {}): BillableVisit => ({
  status: 'completed',
  role: 'primary',
  lateCancellation: false,
  cancelledBy: null,
  noShowParty: null,
  minutes: 120,
  transportCostYen: 840,
  ...over,
});

describe('hospitalCharge', () => {
  it('charges the base fee for exactly two hours', () => {
    expect(hospitalCharge(RULE, visit({ minutes: 120 }))).toEqual({ kind: 'visit', amountYen: 3000 });
  });

  it('charges one extra hour for two hours and one minute', () => {
    expect(hospitalCharge(RULE, visit({ minutes: 121 }))).toEqual({ kind: 'visit', amountYen: 4000 });
  });

  it('charges every started hour beyond the base', () => {
    expect(hospitalCharge(RULE, visit({ minutes: 180 }))).toEqual({ kind: 'visit', amountYen: 4000 });
    expect(hospitalCharge(RULE, visit({ minutes: 181 }))).toEqual({ kind: 'visit', amountYen: 5000 });
    expect(hospitalCharge(RULE, visit({ minutes: 30 }))).toEqual({ kind: 'visit', amountYen: 3000 });
  });

  it('charges a late cancellation by the hospital, not an early one', () => {
    expect(
      hospitalCharge(
        RULE,
        visit({ status: 'cancelled', lateCancellation: true, cancelledBy: 'hospital', minutes: null }),
      ),
    ).toEqual({ kind: 'late_cancellation', amountYen: 3000 });
    expect(
      hospitalCharge(
        RULE,
        visit({ status: 'cancelled', lateCancellation: false, cancelledBy: 'hospital', minutes: null }),
      ),
    ).toBeNull();
  });

  it('charges nothing when the interpreter cancelled, however late (like an interpreter no-show)', () => {
    expect(
      hospitalCharge(
        RULE,
        visit({ status: 'cancelled', lateCancellation: true, cancelledBy: 'interpreter', minutes: null }),
      ),
    ).toBeNull();
  });

  it('charges a patient no-show and nothing for an interpreter no-show', () => {
    expect(hospitalCharge(RULE, visit({ status: 'no_show', noShowParty: 'patient', minutes: null }))).toEqual({
      kind: 'patient_no_show',
      amountYen: 3000,
    });
    expect(hospitalCharge(RULE, visit({ status: 'no_show', noShowParty: 'interpreter', minutes: null }))).toBeNull();
  });

  it('charges nothing for a shadowing trainee or a visit not completed', () => {
    expect(hospitalCharge(RULE, visit({ role: 'shadow' }))).toBeNull();
    expect(hospitalCharge(RULE, visit({ status: 'confirmed' }))).toBeNull();
  });
});

describe('volunteerHonorarium', () => {
  it('pays the flat amount including transport by default', () => {
    expect(volunteerHonorarium(RULE, visit())).toEqual({
      kind: 'visit',
      honorariumYen: 3000,
      transportYen: 0,
      amountYen: 3000,
    });
  });

  it('pays a shadowing trainee no honorarium, and their transport only when the programme pays it', () => {
    const shadow = visit({ role: 'shadow', transportCostYen: 620 });
    expect(volunteerHonorarium(RULE, shadow)).toBeNull();
    expect(volunteerHonorarium({ ...RULE, traineeTransportPaid: true }, shadow)).toEqual({
      kind: 'visit',
      honorariumYen: 0,
      transportYen: 620,
      amountYen: 620,
    });
  });

  it('adds the reported transport when the rule says actual', () => {
    expect(volunteerHonorarium({ ...RULE, volunteerFlatYen: 2000, volunteerTransport: 'actual' }, visit())).toEqual({
      kind: 'visit',
      honorariumYen: 2000,
      transportYen: 840,
      amountYen: 2840,
    });
  });

  it('pays for a patient no-show, not for an interpreter no-show or a cancellation', () => {
    expect(volunteerHonorarium(RULE, visit({ status: 'no_show', noShowParty: 'patient' }))?.amountYen).toBe(3000);
    expect(volunteerHonorarium(RULE, visit({ status: 'no_show', noShowParty: 'interpreter' }))).toBeNull();
    expect(volunteerHonorarium(RULE, visit({ status: 'cancelled', lateCancellation: true }))).toBeNull();
  });
});

describe('ruleFor', () => {
  const rules = [{ validFrom: '2000-01-01' }, { validFrom: '2027-01-01' }];
  it('takes the latest rule starting on or before the date', () => {
    expect(ruleFor(rules, '2026-12-31')).toBe(rules[0]);
    expect(ruleFor(rules, '2027-01-01')).toBe(rules[1]);
    expect(ruleFor(rules, '1999-12-31')).toBeNull();
  });
});
