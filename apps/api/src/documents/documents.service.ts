import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DispatchPolicy, Hospital, NotFoundError, Volunteer } from '@app/domain';
import {
  CourseKind,
  fiscalYearPeriod,
  formatMonth,
  monthPeriod,
  requestReference,
  type RequestRole,
  tokyoMonth,
} from '@app/domain/model';
import { may, requireAccess } from '../access/access';
import { Clock } from '../common/clock';
import { attachment } from '../common/content-disposition';
import { Actor } from '../common/decorators/current-user.decorator';
import { FeeTerms, recordedMinutes, ruleFor } from '../fees/fee-calculator';
import { FeesService } from '../fees/fees.service';
import { InjectDispatchPolicy } from '../workflow/dispatch-policy';
import { ORGANISATION, Organisation } from './organisation';
import { renderActivityReport } from './pdf/activity-report.pdf';
import { renderInvoice } from './pdf/invoice.pdf';
import { renderVolunteerStatement } from './pdf/volunteer-statement.pdf';

/** A rendered document and the Content-Disposition that names it. */
export interface PdfFile {
  bytes: Buffer;
  disposition: string;
}

/**
 * Printable documents (PDF): a hospital's monthly invoice, a volunteer's monthly honoraria and
 * transport statement, a volunteer's activity report of a fiscal year. The money comes from
 * FeesService's statements as the statements API answers them — never priced again here — so a
 * document's total is the API's to the yen. Scope as for the statements: staff any, a coordinator
 * their hospital, a volunteer themself; anything else is 404.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fees: FeesService,
    private readonly clock: Clock,
    @Inject(ORGANISATION) private readonly organisation: Organisation,
    @InjectDispatchPolicy() private readonly policy: DispatchPolicy,
  ) {}

  async hospitalInvoice(actor: Actor, hospitalId: string, month: string): Promise<PdfFile> {
    requireAccess(may.seeHospital(actor, hospitalId), 'hospital');
    const hospital = await this.dataSource.getRepository(Hospital).findOneBy({ id: hospitalId });
    if (!hospital) throw new NotFoundError('hospital');
    const [statements, rules] = await Promise.all([
      this.fees.hospitalStatements(actor, month, hospitalId),
      this.fees.rules(),
    ]);
    const statement = statements.data.find((s) => s.hospitalId === hospitalId) ?? { lines: [], totalYen: 0 };
    const bytes = await renderInvoice({
      organisation: this.organisation,
      hospital,
      month,
      issuedAt: this.clock.now(),
      statement,
      rules: rulesUsed(rules, statement.lines, month),
      provisional: this.monthOpen(month),
      lateCancellationHours: this.policy.lateCancellationHours,
    });
    return {
      bytes,
      disposition: attachment(
        `invoice-${month}-${requestReference(hospital.id)}.pdf`,
        `請求書_${formatMonth(month)}分_${hospital.name}.pdf`,
      ),
    };
  }

  async volunteerStatement(actor: Actor, volunteerId: string, month: string): Promise<PdfFile> {
    const volunteer = await this.volunteer(actor, volunteerId);
    const [statements, rules] = await Promise.all([
      this.fees.volunteerStatements(actor, month, volunteerId),
      this.fees.rules(),
    ]);
    const statement = statements.data.find((s) => s.volunteerId === volunteerId) ?? { lines: [], totalYen: 0 };
    const bytes = await renderVolunteerStatement({
      organisation: this.organisation,
      volunteer: { id: volunteer.id, name: volunteer.displayName },
      month,
      issuedAt: this.clock.now(),
      statement,
      rules: rulesUsed(rules, statement.lines, month),
      provisional: this.monthOpen(month),
    });
    return {
      bytes,
      disposition: attachment(
        `statement-${month}-${requestReference(volunteer.id)}.pdf`,
        `謝金・交通費明細書_${formatMonth(month)}分_${volunteer.displayName}.pdf`,
      ),
    };
  }

  async activityReport(actor: Actor, volunteerId: string, fiscalYear: number): Promise<PdfFile> {
    const volunteer = await this.volunteer(actor, volunteerId);
    const { from, to } = fiscalYearPeriod(fiscalYear);
    const [visits, courses] = await Promise.all([
      this.dataSource.query<VisitRow[]>(
        `SELECT d.role, d.starts_at, d.ends_at, d.actual_start, d.actual_end, hc.actual_start AS confirmed_start,
                hc.actual_end AS confirmed_end, r.language
           FROM dispatches d
           JOIN requests r ON r.id = d.request_id
           LEFT JOIN hospital_confirmations hc ON hc.dispatch_id = d.id
          WHERE d.volunteer_id = $1 AND d.status = 'completed' AND d.starts_at >= $2 AND d.starts_at < $3
          ORDER BY d.starts_at, d.id`,
        [volunteer.id, from, to],
      ),
      this.dataSource.query<Array<{ starts_at: Date; title: string; kind: CourseKind; hours: string }>>(
        `SELECT c.starts_at, c.title, c.kind, c.hours
           FROM course_attendances a
           JOIN training_courses c ON c.id = a.course_id
          WHERE a.volunteer_id = $1 AND a.status = 'attended' AND c.starts_at >= $2 AND c.starts_at < $3
          ORDER BY c.starts_at, c.id`,
        [volunteer.id, from, to],
      ),
    ]);
    const bytes = await renderActivityReport({
      organisation: this.organisation,
      volunteer: { id: volunteer.id, name: volunteer.displayName, languages: volunteer.languages.map((l) => l.code) },
      fiscalYear,
      issuedAt: this.clock.now(),
      visits: visits.map((v) => ({
        month: tokyoMonth(v.starts_at),
        language: v.language,
        role: v.role,
        minutes: recordedMinutes({
          startsAt: v.starts_at,
          endsAt: v.ends_at,
          actualStart: v.actual_start,
          actualEnd: v.actual_end,
          confirmedStart: v.confirmed_start,
          confirmedEnd: v.confirmed_end,
        }),
      })),
      courses: courses.map((c) => ({ startsAt: c.starts_at, title: c.title, kind: c.kind, hours: Number(c.hours) })),
    });
    return {
      bytes,
      disposition: attachment(
        `activity-report-FY${fiscalYear}-${requestReference(volunteer.id)}.pdf`,
        `活動実績報告書_${fiscalYear}年度_${volunteer.displayName}.pdf`,
      ),
    };
  }

  /** Whether `month` has not ended yet: its documents say they are as of today. */
  private monthOpen(month: string): boolean {
    return this.clock.now() < monthPeriod(month).to;
  }

  /** The volunteer record, when the actor may see it (staff, or the volunteer themself); else 404. */
  private async volunteer(actor: Actor, volunteerId: string): Promise<Volunteer> {
    requireAccess(may.seeVolunteer(actor, volunteerId), 'volunteer');
    const volunteer = await this.dataSource.getRepository(Volunteer).findOneBy({ id: volunteerId });
    if (!volunteer) throw new NotFoundError('volunteer');
    return volunteer;
  }
}

interface VisitRow {
  role: RequestRole;
  starts_at: Date;
  ends_at: Date;
  actual_start: Date | null;
  actual_end: Date | null;
  confirmed_start: Date | null;
  confirmed_end: Date | null;
  language: string;
}

/** The rules that priced `lines`, in order; with no lines, the rule of the month's first day. */
function rulesUsed(rules: FeeTerms[], lines: ReadonlyArray<{ feeRuleId: string }>, month: string): FeeTerms[] {
  const ids = new Set(lines.map((l) => l.feeRuleId));
  if (ids.size > 0) return rules.filter((r) => ids.has(r.id));
  const rule = ruleFor(rules, `${month}-01`);
  return rule ? [rule] : [];
}
