/** GET /api/statements/hospitals|volunteers?month=YYYY-MM (apps/api/src/fees/dto/fees.dto.ts). */
export interface Statements<T> {
  month: string;
  data: T[];
  totalYen: number;
}

export interface HospitalStatement {
  hospitalId: string;
  hospitalName: string;
  lines: Array<{
    dispatchId: string;
    date: string;
    language: string;
    kind: string;
    minutes: number | null;
    amountYen: number;
  }>;
  totalYen: number;
}

export interface VolunteerStatement {
  volunteerId: string;
  volunteerName: string;
  lines: Array<{
    dispatchId: string;
    date: string;
    hospitalName: string;
    kind: string;
    honorariumYen: number;
    transportYen: number;
    amountYen: number;
  }>;
  totalYen: number;
}
