import { ActivityReport, HospitalConfirmation } from '@app/domain';
import { HospitalConfirmationView, ReportView } from './dto/report.dto';

export function isFlagged(r: Pick<ActivityReport, 'wellbeingConcern' | 'timeDispute' | 'issues'>): boolean {
  return r.wellbeingConcern || r.timeDispute || !!r.issues?.trim();
}

export function reportView(r: ActivityReport): ReportView {
  return {
    id: r.id,
    dispatchId: r.dispatchId,
    volunteerId: r.volunteerId,
    actualStart: r.actualStart.toISOString(),
    actualEnd: r.actualEnd.toISOString(),
    waitingMinutes: r.waitingMinutes,
    scenes: r.scenes,
    difficulty: r.difficulty,
    transportCostYen: r.transportCostYen,
    issues: r.issues,
    termsToStudy: r.termsToStudy,
    wellbeingConcern: r.wellbeingConcern,
    timeDispute: r.timeDispute,
    flagged: isFlagged(r),
    submittedAt: r.submittedAt.toISOString(),
    reviewStatus: r.reviewStatus,
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewComment: r.reviewComment,
  };
}

export function confirmationView(c: HospitalConfirmation): HospitalConfirmationView {
  return {
    id: c.id,
    dispatchId: c.dispatchId,
    actualStart: c.actualStart.toISOString(),
    actualEnd: c.actualEnd.toISOString(),
    rating: c.rating,
    comment: c.comment,
    confirmedBy: c.confirmedBy,
    timeDispute: c.timeDispute,
  };
}

/** Whether two accounts of one visit differ by more than `marginMinutes` at either end. */
export function timesDisagree(
  a: { actualStart: Date; actualEnd: Date },
  b: { actualStart: Date; actualEnd: Date },
  marginMinutes: number,
): boolean {
  const margin = marginMinutes * 60_000;
  return (
    Math.abs(a.actualStart.getTime() - b.actualStart.getTime()) > margin ||
    Math.abs(a.actualEnd.getTime() - b.actualEnd.getTime()) > margin
  );
}
