import { DataSource } from 'typeorm';
import { ProgressReport } from './progress-report.entity';
import { reportColumns } from './report-columns';

/** A (measure, unit, period) key: the previous report is the unit's latest on the measure before that period. */
export const previousKey = (measureId: string, agencyId: string, periodId: string) => `${measureId}|${agencyId}|${periodId}`;

/** One statement for any number of keys (LATERAL picks each key's latest earlier report). */
export async function previousReportsFor(ds: DataSource, keys: readonly string[]): Promise<(ProgressReport | null)[]> {
  const parts = keys.map((k) => k.split('|'));
  const rows: (ProgressReport & { n: string })[] = await ds.query(
    `SELECT k.n, ${reportColumns('prev')}
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS k(measure_id, agency_id, period_id, n)
       JOIN reporting_period cp ON cp.id = k.period_id
       JOIN LATERAL (
         SELECT r.* FROM progress_report r JOIN reporting_period p ON p.id = r.period_id
          WHERE r.measure_id = k.measure_id AND r.agency_id = k.agency_id AND p.starts_on < cp.starts_on
          ORDER BY p.starts_on DESC LIMIT 1
       ) prev ON true`,
    [parts.map((p) => p[0]), parts.map((p) => p[1]), parts.map((p) => p[2])],
  );
  const byIndex = new Map(rows.map(({ n, ...report }) => [Number(n) - 1, report as ProgressReport]));
  return keys.map((_, i) => byIndex.get(i) ?? null);
}
