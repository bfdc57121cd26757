import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  cityCard,
  countyCard,
  summarize,
  targetsForYear,
  type CountyCardData,
  type CountyFigures,
  type TargetCardData,
} from '@luoshi/domain';
import { PolicyError } from '../policy/policy.errors';
import { isCounty, TargetToEvaluate, targetsToEvaluate } from '../policy/policy-for-progress.queries';
import type { ReportingPeriod } from '../policy/reporting-period.entity';
import { checkId, notFound } from '../common/id-checks';
import type { Sql } from '../common/sql';
import { VersionedCache } from '../common/versioned-cache';
import { readCacheEnabled } from '../read-cache/answer-cache';
import {
  policyDataVersion,
  portfolioProgressRows,
  ProgressRow,
  targetProgressAnswer,
  targetProgressRows,
  TargetJson,
  CountyJson,
} from './progress.queries';
import { ReportingStanding, reportingStanding } from './reporting-standing';
import { unitStatusOfPeriod } from './unit-status.queries';

/**
 * One target of the targetProgress answer, shaped as the GraphQL type TargetProgress: the target and the
 * counties are the entities' columns as JSON (PostgreSQL built them), not loaded entities.
 */
export interface TargetProgressAnswer {
  target: TargetJson;
  achieved: number;
  pending: number;
  percent: number;
  byCounty: { county: CountyJson; quota: number | null; achieved: number; pending: number }[];
}

/** An answer and the data version (of its policy and the 'all' scope) it was computed at. */
export interface VersionedAnswer {
  answer: TargetProgressAnswer[];
  version: bigint;
}

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
  /** READ_CACHE=off: every read computed (for measuring the uncached path: `npm run bench -- peer`). */
  private readonly readCache = readCacheEnabled();
  /** Bounded by the county rows the answers hold: ~40k (a 108-target policy's answer is ~760). */
  private readonly answers = new VersionedCache<VersionedAnswer>(40_000, ({ answer }) =>
    answer.reduce((rows, t) => rows + 1 + t.byCounty.length, 0),
  );

  constructor(private readonly dataSource: DataSource) {}

  /**
   * targetProgress: every target of the policy with its figures by county, as of the end of the period
   * (all periods without one); at a period, of a 每年 target only that year's. A DRAFT is NOT_FOUND unless
   * the caller may see drafts. One statement computes it (checks, data version and answer: see
   * TARGET_PROGRESS_ANSWER_SQL); a repeated read is one statement more cheaply, the data version, and
   * answers from this process's cache while no write has raised it (common/versioned-cache.ts).
   * knownVersion: the policy's (and 'all') data version, when the caller read it after the request arrived.
   */
  async targetProgress(policyId: string, periodId: string | null, seesDrafts: boolean, knownVersion?: bigint): Promise<VersionedAnswer> {
    const policy = checkId(policyId, '政策文件');
    const period = periodId ? checkId(periodId, '填报期', 'periodId') : null;
    const compute = () => this.computeTargetProgress(policy, period, seesDrafts, { policyId, periodId });
    if (!this.readCache) return (await compute()).value;
    const key = `${policy}|${period ?? ''}|${seesDrafts ? 'drafts' : 'published'}`;
    const version = knownVersion ?? BigInt(await policyDataVersion(this.dataSource, policy));
    return this.answers.peek(key, version) ?? this.answers.compute(key, version, compute);
  }

  /** `asked`: the ids as the caller gave them, for the errors (as before the ids were checked). */
  private async computeTargetProgress(
    policy: string,
    period: string | null,
    seesDrafts: boolean,
    asked: { policyId: string; periodId: string | null },
  ) {
    const row = await targetProgressAnswer(this.dataSource, policy, period, seesDrafts);
    if (!row.visible) throw notFound('政策文件', asked.policyId);
    if (period && row.period_year === null) throw notFound('填报期', asked.periodId!, 'periodId');
    if (period && row.period_policy !== policy) throw new PolicyError('BAD_USER_INPUT', '填报期不属于该政策文件', { field: 'periodId' });
    const counties = new Map((row.counties ?? []).map((c) => [c.id, c]));
    // Only the targets shown at the period (the SQL's shownInYear: targetsForYear's rule), in target id order.
    const value = (row.answer ?? []).map(([target, rows]): TargetProgressAnswer => {
      const byCounty = rows.map(([countyId, quota, achieved, pending]) => ({ county: counties.get(countyId)!, quota, achieved, pending }));
      return {
        target,
        ...summarize(target.direction, target.targetValue, byCounty),
        byCounty: byCounty.map((c) => ({ county: c.county, quota: c.quota, achieved: c.achieved ?? 0, pending: c.pending ?? 0 })),
      };
    });
    const version = BigInt(row.version);
    return { value: { answer: value, version }, version };
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
