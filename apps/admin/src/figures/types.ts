/** GET /api/stats/summary?fiscalYear=YYYY (apps/api/src/stats/stats.dto.ts). */
export interface StatsSummary {
  fiscalYear: number;
  from: string;
  to: string;
  dispatches: {
    total: number;
    byStatus: Record<'confirmed' | 'completed' | 'cancelled' | 'no_show', number>;
    byLanguage: Array<{ language: string; count: number }>;
    byHospital: Array<{ hospitalId: string; hospitalName: string; count: number }>;
    byDepartment: Array<{ department: string; count: number }>;
    byMonth: Array<{ month: string; count: number }>;
  };
  requests: {
    total: number;
    filled: number;
    unfilled: number;
    pending: number;
    withdrawn: number;
    fillRate: number | null;
    unfilledByLanguage: Array<{ language: string; count: number }>;
  };
  timeToConfirmMinutes: { count: number; median: number | null; p90: number | null };
  activeVolunteers: { total: number; byLanguage: Array<{ language: string; count: number }> };
  training: Array<{ kind: string; courses: number; attended: number; volunteers: number; hours: number }>;
  /** Trainee shadowing: seats held on the year's visits, the trainees who held them, trainees promoted. */
  shadowing: { shadowVisits: number; trainees: number; traineesPromoted: number };
}
