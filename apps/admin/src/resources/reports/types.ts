import { type DispatchView, type ReviewStatus, visitHappened } from '@app/domain/model';

/** GET /api/reports and /api/dispatches/:id/report (apps/api/src/reports/dto/report.dto.ts). */
export interface ReportRecord {
  id: string;
  dispatchId: string;
  volunteerId: string;
  actualStart: string;
  actualEnd: string;
  waitingMinutes: number;
  scenes: string[];
  difficulty: number;
  transportCostYen: number;
  issues: string | null;
  termsToStudy: string | null;
  wellbeingConcern: boolean;
  timeDispute: boolean;
  flagged: boolean;
  submittedAt: string;
  reviewStatus: ReviewStatus;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

/** GET /api/dispatches: the API's view, from the model. */
export type DispatchRecord = DispatchView;

/** A dispatch takes a report once its visit has happened (README "After the visit"): the model's rule. */
export { visitHappened };

export const REVIEW_STATUS_COLOR: Record<ReportRecord['reviewStatus'], 'warning' | 'success' | 'error'> = {
  pending: 'warning',
  reviewed: 'success',
  follow_up: 'error',
};
