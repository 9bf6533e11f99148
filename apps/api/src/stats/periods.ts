import { TZDate } from '@date-fns/tz';

const TOKYO = 'Asia/Tokyo';

export interface Period {
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** A calendar month `YYYY-MM` in Tokyo time. */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number);
  return {
    from: new Date(new TZDate(y, m - 1, 1, TOKYO).getTime()),
    to: new Date(new TZDate(y, m, 1, TOKYO).getTime()),
  };
}

/** Japanese fiscal year `fy`: 1 April fy 00:00 to 1 April fy+1 00:00, Tokyo time. */
export function fiscalYearPeriod(fy: number): Period {
  return {
    from: new Date(new TZDate(fy, 3, 1, TOKYO).getTime()),
    to: new Date(new TZDate(fy + 1, 3, 1, TOKYO).getTime()),
  };
}

/** Tokyo calendar days `YYYY-MM-DD` (inclusive) as a period. */
export function datePeriod(fromDate: string, toDate: string): Period {
  const [fy, fm, fd] = fromDate.split('-').map(Number);
  const [ty, tm, td] = toDate.split('-').map(Number);
  return {
    from: new Date(new TZDate(fy, fm - 1, fd, TOKYO).getTime()),
    to: new Date(new TZDate(ty, tm - 1, td + 1, TOKYO).getTime()),
  };
}
