import type {
  CancellingParty,
  DispatchStatus,
  FeeLineKind,
  NoShowParty,
  RequestRole,
  TransportMode,
} from '@app/domain';

/** The terms of one fee rule (see the `fee_rules` table). Yen, tax included. */
export interface FeeTerms {
  id: string;
  /** Tokyo date `YYYY-MM-DD` from which the rule applies. */
  validFrom: string;
  hospitalBaseYen: number;
  baseMinutes: number;
  hospitalExtraHourYen: number;
  lateCancellationYen: number;
  patientNoShowYen: number;
  volunteerFlatYen: number;
  volunteerTransport: TransportMode;
  /** The programme pays a shadowing trainee's reported transport (no honorarium: the trainee is training). */
  traineeTransportPaid: boolean;
}

/** What a dispatch's fees depend on. */
export interface BillableVisit {
  status: DispatchStatus;
  role: RequestRole;
  lateCancellation: boolean;
  /** Whose side cancelled (cancelled dispatches). */
  cancelledBy: CancellingParty | null;
  noShowParty: NoShowParty | null;
  /** The billed duration of a completed visit, in minutes. */
  minutes: number | null;
  /** From the activity report (a shadow's: the practicum record); 0 when none was filed. */
  transportCostYen: number;
}

/** What a hospital is charged for: the statement's line kinds. */
export type HospitalChargeKind = FeeLineKind;

/** The rule valid on a Tokyo date: the latest one starting on or before it. `rules` sorted by validFrom. */
export function ruleFor<R extends Pick<FeeTerms, 'validFrom'>>(rules: readonly R[], date: string): R | null {
  let found: R | null = null;
  for (const rule of rules) if (rule.validFrom <= date) found = rule;
  return found;
}

/** A visit's times as recorded: scheduled, recorded at completion, confirmed by the hospital. */
export interface RecordedTimes {
  startsAt: Date;
  endsAt: Date;
  actualStart: Date | null;
  actualEnd: Date | null;
  confirmedStart: Date | null;
  confirmedEnd: Date | null;
}

/**
 * The billed duration of a completed visit, in minutes: the hospital's confirmed times, else the
 * times recorded at completion, else the scheduled ones.
 */
export function recordedMinutes(t: RecordedTimes): number {
  return billedMinutes(t.confirmedStart ?? t.actualStart ?? t.startsAt, t.confirmedEnd ?? t.actualEnd ?? t.endsAt);
}

/** Whole minutes between two instants (rounded to the nearest minute). */
export function billedMinutes(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / 60_000);
}

/**
 * The hospital's fee for one dispatch, or null when nothing is charged: the base fee up to
 * `baseMinutes`, plus the extra amount for every started hour beyond; the late-cancellation charge
 * when the hospital cancelled, or the patient no-show charge; nothing for an interpreter no-show
 * or an interpreter's cancellation, an early cancellation, a visit not completed yet, or a
 * shadowing trainee.
 */
export function hospitalCharge(
  rule: FeeTerms,
  visit: BillableVisit,
): { kind: HospitalChargeKind; amountYen: number } | null {
  if (visit.role !== 'primary') return null;
  if (visit.status === 'completed' && visit.minutes !== null) {
    const extraHours = visit.minutes > rule.baseMinutes ? Math.ceil((visit.minutes - rule.baseMinutes) / 60) : 0;
    return { kind: 'visit', amountYen: rule.hospitalBaseYen + extraHours * rule.hospitalExtraHourYen };
  }
  if (visit.status === 'cancelled' && visit.lateCancellation && visit.cancelledBy === 'hospital')
    return { kind: 'late_cancellation', amountYen: rule.lateCancellationYen };
  if (visit.status === 'no_show' && visit.noShowParty === 'patient')
    return { kind: 'patient_no_show', amountYen: rule.patientNoShowYen };
  return null;
}

/**
 * The volunteer's honorarium for one dispatch, or null: the flat amount for a completed visit or
 * a patient no-show (the volunteer went), plus the reported transport cost when the rule says
 * `actual`. A shadowing trainee: only their transport, and only when the rule says the programme
 * pays it.
 */
export function volunteerHonorarium(
  rule: FeeTerms,
  visit: BillableVisit,
): { kind: 'visit' | 'patient_no_show'; honorariumYen: number; transportYen: number; amountYen: number } | null {
  const went = visit.status === 'completed' || (visit.status === 'no_show' && visit.noShowParty === 'patient');
  if (!went) return null;
  if (visit.role === 'shadow') {
    // A shadowing trainee earns no honorarium; their transport only when the programme pays it.
    if (!rule.traineeTransportPaid || visit.status !== 'completed' || visit.transportCostYen <= 0) return null;
    return { kind: 'visit', honorariumYen: 0, transportYen: visit.transportCostYen, amountYen: visit.transportCostYen };
  }
  const transportYen = rule.volunteerTransport === 'actual' ? visit.transportCostYen : 0;
  return {
    kind: visit.status === 'completed' ? 'visit' : 'patient_no_show',
    honorariumYen: rule.volunteerFlatYen,
    transportYen,
    amountYen: rule.volunteerFlatYen + transportYen,
  };
}
