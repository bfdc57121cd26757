/** A calendar quarter as a reporting period: `2024Q3`, 2024-07-01..2024-09-30, due 10 days later. */
export interface QuarterPeriod {
  label: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

/** Days after a quarter's end by which units report, unless the office sets another due date. */
export const DEFAULT_DUE_DAYS_AFTER_QUARTER = 10;

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): QuarterPeriod {
  const start = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const end = new Date(Date.UTC(year, quarter * 3, 0));
  const due = new Date(end.getTime() + DEFAULT_DUE_DAYS_AFTER_QUARTER * 86_400_000);
  return { label: `${year}Q${quarter}`, year, quarter, startsOn: iso(start), endsOn: iso(end), dueOn: iso(due) };
}

export function quarterOfDate(isoDate: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const [y, m] = isoDate.split('-').map(Number);
  return { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** Every quarter from the one containing `fromDate` through the one containing `toDate`. */
export function quartersBetween(fromDate: string, toDate: string): QuarterPeriod[] {
  const from = quarterOfDate(fromDate);
  const to = quarterOfDate(toDate);
  const out: QuarterPeriod[] = [];
  let { year, quarter } = from;
  while (year < to.year || (year === to.year && quarter <= to.quarter)) {
    out.push(quarterPeriod(year, quarter));
    quarter = quarter === 4 ? 1 : ((quarter + 1) as 1 | 2 | 3 | 4);
    if (quarter === 1) year += 1;
  }
  return out;
}

/**
 * Today's calendar date in China, as 2024-11-15: due dates are days in Jiangmen, not in UTC.
 * (China has had no daylight saving since 1991, so a fixed +8 hours is exact.)
 */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Whether `iso` is a real calendar date written as YYYY-MM-DD (2024-02-30 is not). */
export function isCalendarDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
