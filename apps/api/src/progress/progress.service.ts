import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { cityCard, countyCard, targetsForYear, type CountyCardData, type CountyFigures, type TargetCardData } from '@luoshi/domain';
import { PolicyError } from '../policy/policy.errors';
import { isCounty, TargetToEvaluate, targetsToEvaluate } from '../policy/policy-for-progress.queries';
import type { ReportingPeriod } from '../policy/reporting-period.entity';
import { checkId, notFound } from '../common/id-checks';
import type { Sql } from '../common/sql';
import { portfolioProgressRows, ProgressRow, progressScope, targetProgressRows } from './progress.queries';
import { ReportingStanding, reportingStanding } from './reporting-standing';
import { unitStatusOfPeriod } from './unit-status.queries';

export interface TargetProgressData {
  targetId: string;
  achieved: number;
  pending: number;
  byCounty: CountyFigures[];
}

/**
 * A policy evaluated at a period, once: its targets, their figures by county, their city-wide cards
 * and, for a county, that county's cards. Everything that shows where a policy stands (the dashboard,
 * the supervision ratings and pack) reads one of these rather than computing its own.
 */
export interface PolicyEvaluation {
  /**
   * The policy's targets for the period, in the notice's order (measure seq, then name): of a 每年
   * target only the period's year's (targetsForYear).
   */
  targets: TargetToEvaluate[];
  /** The figures, one entry per target (in target id order, as targetProgress gives them). */
  progress: TargetProgressData[];
  /** The city-wide card of each target, in the order of `progress`. */
  city: TargetCardData[];
  /** The county's cards when one was asked for, else null. */
  county: CountyCardData[] | null;
}

export type EvaluatedPeriod = Pick<ReportingPeriod, 'id' | 'policyId' | 'endsOn'>;

/**
 * The progress evaluation: achieved and pending sums (progress.queries.ts), the percent rule and the
 * cards against the expected share of the year (libs/domain progress.ts, trajectory.ts), the measures'
 * lights and the units' compliance (reporting-standing.ts), for a policy, a period and a county.
 */
@Injectable()
export class ProgressService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The policy's targets with their totals; the SQL does the aggregating, this only shapes rows. A DRAFT
   * is NOT_FOUND unless the caller may see drafts (checked in the same statement: no extra round trip).
   */
  async targetProgress(
    policyId: string,
    periodId?: string | null,
    seesDrafts = false,
  ): Promise<TargetProgressData[] & { periodYear?: number | null }> {
    const policy = checkId(policyId, '政策文件');
    const scope = await progressScope(this.dataSource, policy, periodId ? checkId(periodId, '填报期', 'periodId') : null, seesDrafts);
    if (!scope.exists) throw notFound('政策文件', policyId);
    if (periodId && !scope.ends_on) throw notFound('填报期', periodId, 'periodId');
    if (periodId && scope.period_policy !== policy)
      throw new PolicyError('BAD_USER_INPUT', '填报期不属于该政策文件', { field: 'periodId' });

    // The period's year, so that the caller shows of a 每年 target only that year's (targetsForYear).
    return Object.assign(byTarget(await targetProgressRows(this.dataSource, policy, scope.ends_on)), {
      periodYear: periodId && scope.ends_on ? Number(String(scope.ends_on).slice(0, 4)) : null,
    });
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

  /**
   * The policy at a period (one of its own, already found by the caller: a period exists only for a
   * published policy), in two statements run together: its targets and their figures. With countyId,
   * that county's cards too (NOT_FOUND for an agency that is not a county).
   */
  async evaluate(period: EvaluatedPeriod, countyId: string | null = null, sql: Sql = this.dataSource): Promise<PolicyEvaluation> {
    const [allTargets, rows] = await Promise.all([
      targetsToEvaluate(sql, period.policyId),
      targetProgressRows(sql, period.policyId, period.endsOn),
    ]);
    const targets = targetsForYear(allTargets, Number(String(period.endsOn).slice(0, 4)));
    const shown = new Set(targets.map((t) => t.id));
    const progress = byTarget(rows).filter((d) => shown.has(d.targetId));
    const byId = new Map(targets.map((t) => [t.id, t]));
    const city = progress.map((d) => cityCard(byId.get(d.targetId)!, period, d));
    if (!countyId) return { targets, progress, city, county: null };
    const county = progress.map((d): CountyCardData => {
      const c = d.byCounty.find((row) => row.countyId === countyId);
      if (!c) throw notFound('县(市、区)', countyId, 'countyId');
      return countyCard(byId.get(d.targetId)!, period, c);
    });
    if (progress.length === 0 && !(await isCounty(sql, countyId))) throw notFound('县(市、区)', countyId, 'countyId');
    return { targets, progress, city, county };
  }

  /** The measures' lights (from the evaluation's city-wide cards) and the units' reporting for the period: one statement. */
  async reporting(period: Pick<ReportingPeriod, 'id'>, evaluation: Pick<PolicyEvaluation, 'targets' | 'city'>): Promise<ReportingStanding> {
    return reportingStanding(await unitStatusOfPeriod(this.dataSource, period.id), evaluation.targets, evaluation.city);
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
      achieved: row.achieved === null ? null : Number(row.achieved),
      pending: row.pending === null ? null : Number(row.pending),
    });
  }
  return [...entries.values()];
}
