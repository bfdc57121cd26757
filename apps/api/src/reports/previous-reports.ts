import type { Sql } from '../common/sql';
import type { ProgressReport } from './progress-report.entity';
import { previousReports } from './report-lists.queries';

/** A (measure, unit, period) key: the previous report is the unit's latest on the measure before that period. */
export const previousKey = (measureId: string, agencyId: string, periodId: string) => `${measureId}|${agencyId}|${periodId}`;

/** One statement for any number of keys: see previousReports. */
export function previousReportsFor(sql: Sql, keys: readonly string[]): Promise<(ProgressReport | null)[]> {
  return previousReports(
    sql,
    keys.map((k) => {
      const [measureId, agencyId, periodId] = k.split('|');
      return { measureId, agencyId, periodId };
    }),
  );
}
