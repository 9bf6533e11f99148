import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Errors, FeeRule, InterpretationRequest, InvalidError } from '@app/domain';
import type { CancellationTerms } from '@app/domain/model';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { monthPeriod } from '../stats/periods';
import { tokyoDate } from '@app/domain/model';
import { CreateFeeRuleDto, HospitalStatement, Statements, VolunteerStatement } from './dto/fees.dto';
import {
  BillableVisit,
  FeeTerms,
  hospitalCharge,
  recordedMinutes,
  ruleFor,
  volunteerHonorarium,
} from './fee-calculator';
import { scopeOf } from '../access/access';

interface VisitRow {
  dispatch_id: string;
  request_id: string;
  status: BillableVisit['status'];
  role: BillableVisit['role'];
  late_cancellation: boolean;
  cancelled_by: 'hospital' | 'interpreter' | null;
  no_show_party: BillableVisit['noShowParty'];
  starts_at: Date;
  ends_at: Date;
  actual_start: Date | null;
  actual_end: Date | null;
  confirmed_start: Date | null;
  confirmed_end: Date | null;
  transport_cost_yen: number | null;
  language: string;
  hospital_id: string;
  hospital_name: string;
  volunteer_id: string;
  volunteer_name: string;
}

/**
 * Fees and honoraria. Rules are rows with a valid-from date; a visit is priced by the rule valid
 * on its Tokyo date, so adding a rule never changes a past month. Statements are computed from
 * the records each time (nothing stored to drift): a month's dispatches by visit date.
 *
 * Billed duration of a completed visit: the hospital's confirmed times, else the times recorded
 * at completion, else the scheduled ones.
 */
@Injectable()
export class FeesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async rules(): Promise<FeeTerms[]> {
    const rows = await this.dataSource.getRepository(FeeRule).find({ order: { validFrom: 'ASC' } });
    return rows.map(terms);
  }

  /** A new rule, from a future date only: the past stays priced as it was. */
  /** What the hospital would be charged if it cancelled `request` now (`late`): the statements' own calculator. */
  cancellationTerms(
    rules: readonly FeeTerms[],
    request: Pick<InterpretationRequest, 'startsAt'>,
    late: boolean,
  ): CancellationTerms {
    const feeYen = this.chargeFor(rules, request, {
      status: 'cancelled',
      lateCancellation: late,
      cancelledBy: 'hospital',
      noShowParty: null,
    });
    return { late, feeYen };
  }

  /** What the hospital is charged if the patient did not come to `request`'s visit. */
  patientNoShowFee(rules: readonly FeeTerms[], request: Pick<InterpretationRequest, 'startsAt'>): number {
    return this.chargeFor(rules, request, {
      status: 'no_show',
      lateCancellation: false,
      cancelledBy: null,
      noShowParty: 'patient',
    });
  }

  /** The hospital's charge for an outcome of `request`'s visit, by the rule of its Tokyo date (0 if none). */
  private chargeFor(
    rules: readonly FeeTerms[],
    request: Pick<InterpretationRequest, 'startsAt'>,
    outcome: Pick<BillableVisit, 'status' | 'lateCancellation' | 'cancelledBy' | 'noShowParty'>,
  ): number {
    const rule = ruleFor(rules, tokyoDate(request.startsAt));
    const charge = rule && hospitalCharge(rule, { ...outcome, role: 'primary', minutes: null, transportCostYen: 0 });
    return charge?.amountYen ?? 0;
  }

  async addRule(actor: Actor, input: CreateFeeRuleDto): Promise<FeeTerms> {
    if (Number.isNaN(new Date(`${input.validFrom}T00:00:00Z`).getTime()))
      throw InvalidError.field('validFrom', 'validFrom is not a date');
    if (input.validFrom <= tokyoDate(this.clock.now()))
      throw InvalidError.field(
        'validFrom',
        'A new rule must start after today, so past months keep their prices',
        'FEE_RULE_NOT_FUTURE',
      );
    const repo = this.dataSource.getRepository(FeeRule);
    if (await repo.exists({ where: { validFrom: input.validFrom } })) throw Errors.feeRuleExists();
    const rule = await repo.save(repo.create({ ...input, createdBy: actor.id }));
    return terms(rule);
  }

  /** The month's statements of the hospitals in the actor's scope; `hospitalId`: that one only (the invoice). */
  async hospitalStatements(actor: Actor, month: string, hospitalId?: string): Promise<Statements<HospitalStatement>> {
    const [rows, rules] = await Promise.all([
      this.visits(month, { hospitalId: scopeOf(actor).hospitalId }, { hospitalId }),
      this.rules(),
    ]);
    const byHospital = new Map<string, HospitalStatement>();
    for (const row of rows) {
      const rule = ruleFor(rules, tokyoDate(row.starts_at));
      const charge = rule && hospitalCharge(rule, billable(row));
      if (!rule || !charge) continue;
      const statement = byHospital.get(row.hospital_id) ?? {
        hospitalId: row.hospital_id,
        hospitalName: row.hospital_name,
        lines: [],
        totalYen: 0,
      };
      byHospital.set(row.hospital_id, statement);
      statement.lines.push({
        dispatchId: row.dispatch_id,
        requestId: row.request_id,
        date: tokyoDate(row.starts_at),
        language: row.language,
        kind: charge.kind,
        minutes: charge.kind === 'visit' ? billable(row).minutes : null,
        amountYen: charge.amountYen,
        feeRuleId: rule.id,
      });
      statement.totalYen += charge.amountYen;
    }
    return summed(
      month,
      [...byHospital.values()].sort((a, b) => a.hospitalName.localeCompare(b.hospitalName, 'ja')),
    );
  }

  /** The month's statements of the volunteers in the actor's scope; `volunteerId`: that one only. */
  async volunteerStatements(
    actor: Actor,
    month: string,
    volunteerId?: string,
  ): Promise<Statements<VolunteerStatement>> {
    const [rows, rules] = await Promise.all([
      this.visits(month, { volunteerId: scopeOf(actor).volunteerId }, { volunteerId }),
      this.rules(),
    ]);
    const byVolunteer = new Map<string, VolunteerStatement>();
    for (const row of rows) {
      const rule = ruleFor(rules, tokyoDate(row.starts_at));
      const pay = rule && volunteerHonorarium(rule, billable(row));
      if (!rule || !pay) continue;
      const statement = byVolunteer.get(row.volunteer_id) ?? {
        volunteerId: row.volunteer_id,
        volunteerName: row.volunteer_name,
        lines: [],
        totalYen: 0,
      };
      byVolunteer.set(row.volunteer_id, statement);
      statement.lines.push({
        dispatchId: row.dispatch_id,
        date: tokyoDate(row.starts_at),
        hospitalName: row.hospital_name,
        kind: pay.kind,
        honorariumYen: pay.honorariumYen,
        transportYen: pay.transportYen,
        amountYen: pay.amountYen,
        feeRuleId: rule.id,
      });
      statement.totalYen += pay.amountYen;
    }
    return summed(
      month,
      [...byVolunteer.values()].sort((a, b) => a.volunteerName.localeCompare(b.volunteerName, 'ja')),
    );
  }

  /** The month's dispatches (by visit start, Tokyo time) in the actor's `scope` and narrowed to `only`, with what their fees depend on. */
  private visits(
    month: string,
    scope: { hospitalId?: string; volunteerId?: string },
    only: { hospitalId?: string; volunteerId?: string } = {},
  ): Promise<VisitRow[]> {
    const { from, to } = monthPeriod(month);
    return this.dataSource.query(
      `SELECT d.id AS dispatch_id, d.request_id, d.status, d.role, d.late_cancellation, d.cancelled_by, d.no_show_party, d.starts_at, d.ends_at,
              d.actual_start, d.actual_end, hc.actual_start AS confirmed_start, hc.actual_end AS confirmed_end,
              coalesce(ar.transport_cost_yen, pr.transport_cost_yen) AS transport_cost_yen,
              r.language, h.id AS hospital_id, h.name AS hospital_name, v.id AS volunteer_id, v.display_name AS volunteer_name
         FROM dispatches d
         JOIN requests r ON r.id = d.request_id
         JOIN hospitals h ON h.id = r.hospital_id
         JOIN volunteers v ON v.id = d.volunteer_id
         LEFT JOIN hospital_confirmations hc ON hc.dispatch_id = d.id
         LEFT JOIN activity_reports ar ON ar.dispatch_id = d.id
         LEFT JOIN practicum_reports pr ON pr.dispatch_id = d.id
        WHERE d.starts_at >= $1 AND d.starts_at < $2
          AND ($3::uuid IS NULL OR r.hospital_id = $3) AND ($4::uuid IS NULL OR d.volunteer_id = $4)
          AND ($5::uuid IS NULL OR r.hospital_id = $5) AND ($6::uuid IS NULL OR d.volunteer_id = $6)
        ORDER BY d.starts_at, d.id`,
      [
        from,
        to,
        scope.hospitalId ?? null,
        scope.volunteerId ?? null,
        only.hospitalId ?? null,
        only.volunteerId ?? null,
      ],
    );
  }
}

function billable(row: VisitRow): BillableVisit {
  const times = {
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    confirmedStart: row.confirmed_start,
    confirmedEnd: row.confirmed_end,
  };
  return {
    status: row.status,
    role: row.role,
    lateCancellation: row.late_cancellation,
    cancelledBy: row.cancelled_by,
    noShowParty: row.no_show_party,
    minutes: row.status === 'completed' ? recordedMinutes(times) : null,
    transportCostYen: row.transport_cost_yen ?? 0,
  };
}

function summed<T extends { totalYen: number }>(month: string, data: T[]): Statements<T> {
  return { month, data, totalYen: data.reduce((sum, s) => sum + s.totalYen, 0) };
}

function terms(r: FeeRule): FeeTerms {
  return {
    id: r.id,
    validFrom: r.validFrom,
    hospitalBaseYen: r.hospitalBaseYen,
    baseMinutes: r.baseMinutes,
    hospitalExtraHourYen: r.hospitalExtraHourYen,
    lateCancellationYen: r.lateCancellationYen,
    patientNoShowYen: r.patientNoShowYen,
    volunteerFlatYen: r.volunteerFlatYen,
    volunteerTransport: r.volunteerTransport,
    traineeTransportPaid: r.traineeTransportPaid,
  };
}
