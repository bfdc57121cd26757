import { EntityManager } from 'typeorm';

/**
 * Adds (+1) or removes (-1) one report's figures to or from report_total. Callers remove before a
 * change and add after it, inside the change's transaction. Only SUBMITTED and ACCEPTED reports
 * count (targetProgress's `pending` and `achieved`), so editing a draft costs nothing here.
 * Delta upserts commute, so concurrent reports on the same target and county never lose a sum;
 * rows are upserted in key order so that two transactions cannot deadlock on them.
 */
export async function shiftReportTotals(manager: EntityManager, reportId: string, sign: 1 | -1): Promise<void> {
  await manager.query(
    `INSERT INTO report_total (target_id, county_id, period_id, status, total, figures)
     SELECT f.target_id, f.county_id, r.period_id, r.status, $2 * sum(f.value), $2 * count(*)
       FROM report_figure f JOIN progress_report r ON r.id = f.report_id
      WHERE r.id = $1 AND r.status IN ('SUBMITTED', 'ACCEPTED')
      GROUP BY f.target_id, f.county_id, r.period_id, r.status
      ORDER BY f.target_id, f.county_id
     ON CONFLICT (target_id, county_id, period_id, status)
     DO UPDATE SET total = report_total.total + EXCLUDED.total, figures = report_total.figures + EXCLUDED.figures`,
    [reportId, sign],
  );
}
