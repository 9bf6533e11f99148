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
  reviewStatus: 'pending' | 'reviewed' | 'follow_up';
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

/** GET /api/dispatches (a volunteer's own). */
export interface DispatchRecord {
  id: string;
  requestId: string;
  role: 'primary' | 'shadow';
  status: string;
  startsAt: string;
  endsAt: string;
  language: string;
  patient?: { displayName: string; gender: string; ageBand: string; nationality: string | null } | null;
}

/** A dispatch takes a report once its visit has happened (README "After the visit"). */
export function visitHappened(dispatch: Pick<DispatchRecord, 'status' | 'endsAt'>, now: Date = new Date()): boolean {
  return dispatch.status === 'completed' || (dispatch.status === 'confirmed' && new Date(dispatch.endsAt).getTime() <= now.getTime());
}

export const REVIEW_STATUS_COLOR: Record<ReportRecord['reviewStatus'], 'warning' | 'success' | 'error'> = {
  pending: 'warning',
  reviewed: 'success',
  follow_up: 'error',
};
