import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PolicyError } from '../policy/policy.errors';
import { checkId, notFound } from '../common/id-checks';
import { portfolioProgressRows, ProgressRow, targetProgressRows } from './progress.queries';

/** null: no figure at all (only for AT_MOST targets, where 0 is a real level). */
export interface CountyFigures {
  countyId: string;
  quota: number | null;
  achieved: number | null;
  pending: number | null;
}

export interface TargetProgressData {
  targetId: string;
  achieved: number;
  pending: number;
  byCounty: CountyFigures[];
}

const numberOrNull = (v: string | null) => (v === null ? null : Number(v));

@Injectable()
export class ProgressService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The policy's targets with their totals; the SQL does the aggregating, this only shapes rows. A DRAFT
   * is NOT_FOUND unless the caller may see drafts (checked in the same statement: no extra round trip).
   */
  async targetProgress(policyId: string, periodId?: string | null, seesDrafts = false): Promise<TargetProgressData[]> {
    const policy = checkId(policyId, '政策文件');
    const rows: { exists: boolean; ends_on: string | null; period_policy: string | null }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM policy WHERE id = $1 AND (status = 'PUBLISHED' OR $3)) AS exists,
              (SELECT ends_on FROM reporting_period WHERE id = $2) AS ends_on,
              (SELECT policy_id FROM reporting_period WHERE id = $2) AS period_policy`,
      [policy, periodId ? checkId(periodId, '填报期', 'periodId') : null, seesDrafts],
    );
    if (!rows[0].exists) throw notFound('政策文件', policyId);
    if (periodId && !rows[0].ends_on) throw notFound('填报期', periodId, 'periodId');
    if (periodId && rows[0].period_policy !== policy)
      throw new PolicyError('BAD_USER_INPUT', '填报期不属于该政策文件', { field: 'periodId' });

    return byTarget(await targetProgressRows(this.dataSource, policy, rows[0].ends_on));
  }

  /**
   * Many policies at once, each up to its own period's end (one statement: the portfolio). The
   * caller has chosen the policies (published ones) and their periods; targets of all of them, mixed.
   */
  async targetProgressOfPolicies(policies: readonly { policyId: string; periodEndsOn: string }[]): Promise<TargetProgressData[]> {
    return byTarget(
      await portfolioProgressRows(
        this.dataSource,
        policies.map((p) => p.policyId),
        policies.map((p) => p.periodEndsOn),
      ),
    );
  }
}

function byTarget(rows: ProgressRow[]): TargetProgressData[] {
  const entries = new Map<string, TargetProgressData>();
  for (const row of rows) {
    let entry = entries.get(row.target_id);
    if (!entry) entries.set(row.target_id, (entry = { targetId: row.target_id, achieved: 0, pending: 0, byCounty: [] }));
    entry.byCounty.push({
      countyId: row.county_id,
      quota: row.quota === null ? null : Number(row.quota),
      achieved: numberOrNull(row.achieved),
      pending: numberOrNull(row.pending),
    });
  }
  return [...entries.values()];
}

/** Totals and percent from the county rows: a sum for AT_LEAST, the worst county for AT_MOST. */
export function summarize(direction: 'AT_LEAST' | 'AT_MOST', targetValue: number, byCounty: Pick<CountyFigures, 'achieved' | 'pending'>[]) {
  const achievedValues = byCounty.map((c) => c.achieved).filter((v): v is number => v !== null);
  const pendingValues = byCounty.map((c) => c.pending).filter((v): v is number => v !== null);
  if (direction === 'AT_LEAST') {
    const achieved = achievedValues.reduce((s, v) => s + v, 0);
    const pending = pendingValues.reduce((s, v) => s + v, 0);
    const percent = targetValue > 0 ? (achieved / targetValue) * 100 : achieved > 0 ? 100 : 0;
    return { achieved, pending, percent };
  }
  const achieved = achievedValues.length ? Math.max(...achievedValues) : 0;
  const pending = pendingValues.length ? Math.max(...pendingValues) : 0;
  const percent = achievedValues.length === 0 ? 0 : achieved <= targetValue ? 100 : (targetValue / achieved) * 100;
  return { achieved, pending, percent };
}
