import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { expectedShareOnTrajectory } from '@luoshi/domain';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import { answerCacheable } from '../read-cache/answer-cacheable';
import type { AuthUser, RequestContext } from '../common/request-context';
import { DraftVisibility } from '../policy/draft-visibility';
import { checkId, notFound } from '../common/id-checks';
import { Agency } from '../policy/agency.entity';
import { Measure } from '../policy/measure.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { Target } from '../policy/target.entity';
import { FigureSource, PolicyOverview, TargetTrend } from './dashboard.models';
import { DashboardService } from './dashboard.service';
import { OverviewCache } from './overview-cache';

/**
 * What leaders watch. Any signed-in user sees the aggregates (a reporter too); report texts stay
 * behind progressReport's own rules, so a figure source carries only the report's id.
 */
@Roles('ADMIN', 'OFFICE', 'LEADER', 'REPORTER')
@Resolver()
export class DashboardResolver {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly cache: OverviewCache,
    private readonly drafts: DraftVisibility,
  ) {}

  @Query(() => PolicyOverview, {
    description:
      'Targets against the trajectory, the measures’ table and reporting compliance for a period. With countyId the target cards are that county’s figures against its quota (scope COUNTY); the measures and compliance stay policy-wide',
  })
  async policyOverview(
    @Args('policyId', { type: () => ID }) policyId: string,
    @Args('periodId', { type: () => ID }) periodId: string,
    @Args('countyId', { type: () => ID, nullable: true }) countyId: string | null,
    @Context() ctx: RequestContext,
  ): Promise<PolicyOverview> {
    // A draft has no periods (publishPolicy creates them), so its overview is NOT_FOUND like an unknown period's.
    const county = countyId ? checkId(countyId, '县(市、区)', 'countyId') : null;
    // One statement when the answer is cached (see OverviewCache for why it cannot be stale).
    const { version, pastDue, extensionsPast, validUntil } = await this.dashboard.overviewVersion(policyId, periodId);
    const key = [policyId.toLowerCase(), periodId.toLowerCase(), county ?? 'city', pastDue ? 'due' : 'open', extensionsPast].join('|');
    const overview = await this.cache.get(key, version, () => this.computeOverview(policyId, periodId, county, ctx));
    // The same inputs as OverviewCache's key: the policy's and the units' data, and the clock until the next due date passes.
    answerCacheable(ctx, [policyId, 'all'], version, validUntil);
    return overview;
  }

  /** The whole answer, entities included: cached answers are served as they are, resolved once. */
  private async computeOverview(policyId: string, periodId: string, countyId: string | null, ctx: RequestContext): Promise<PolicyOverview> {
    const period = await this.dashboard.period(policyId, periodId);
    const { city, county: countyCards, measures, compliance, hasReports } = await this.dashboard.overview(period, countyId);
    const shown = countyCards ?? city;
    const [targets, measureRows, agencies] = await Promise.all([
      ctx.loaders.target.loadMany(shown.map((c) => c.targetId)) as Promise<Target[]>,
      ctx.loaders.measure.loadMany(measures.map((m) => m.measureId)) as Promise<Measure[]>,
      ctx.loaders.agency.loadMany([...new Set([...compliance.map((c) => c.agencyId), ...(countyId ? [countyId] : [])])]) as Promise<
        Agency[]
      >,
    ]);
    const agencyById = new Map(agencies.map((a) => [a.id, a]));
    const scope = countyId ? 'COUNTY' : 'CITY';
    const county = countyId ? agencyById.get(countyId)! : null;
    return {
      period,
      scope,
      county,
      hasReports,
      targets: shown.map((c, i) => ({ ...c, target: targets[i], scope, county })),
      measures: measures.map((m, i) => ({
        ...m,
        measure: measureRows[i],
        units: m.units.map((u) => ({ ...u, agency: agencyById.get(u.agencyId)! })),
      })),
      compliance: compliance.map((c) => ({ ...c, agency: agencyById.get(c.agencyId)! })),
    };
  }

  @Query(() => [TargetTrend], { description: 'Each target’s accepted figures quarter by quarter, cumulative, against the trajectory' })
  async targetTrend(
    @Args('policyId', { type: () => ID }) policyId: string,
    @Args('countyId', { type: () => ID, nullable: true }) countyId: string | null,
    @Context() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
  ): Promise<TargetTrend[]> {
    await this.drafts.policy(user, policyId);
    const { rows, version } = await this.dashboard.trend(policyId, countyId);
    // Depends on the policy's rows and the units' (names) only: kept by the answer cache while the version holds.
    if (version !== null) answerCacheable(ctx, [policyId, 'all'], version);
    const [targets, periods] = await Promise.all([
      ctx.loaders.target.loadMany([...new Set(rows.map((r) => r.targetId))]) as Promise<Target[]>,
      ctx.loaders.period.loadMany([...new Set(rows.map((r) => r.periodId))]) as Promise<ReportingPeriod[]>,
    ]);
    const periodById = new Map(periods.map((p) => [p.id, p]));
    return targets.map((target) => {
      let cumulative = 0;
      const points = rows
        .filter((r) => r.targetId === target.id)
        .map((r) => {
          const period = periodById.get(r.periodId)!;
          cumulative = target.direction === 'AT_LEAST' ? cumulative + r.achieved : r.achieved || cumulative;
          const expected =
            target.direction === 'AT_LEAST'
              ? target.targetValue * expectedShareOnTrajectory(period.endsOn, target.year, target.trajectory)
              : target.targetValue;
          return { period, achieved: r.achieved, cumulative, expected };
        });
      return { target, points };
    });
  }

  @Query(() => [FigureSource], { description: 'The accepted figures behind a number: a target up to a period, optionally one county' })
  async figureSources(
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('periodId', { type: () => ID, nullable: true }) periodId: string | null,
    @Args('countyId', { type: () => ID, nullable: true }) countyId: string | null,
    @Context() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
  ): Promise<FigureSource[]> {
    await this.drafts.target(user, targetId);
    let endsOn: string | null = null;
    if (periodId) {
      const period = await ctx.loaders.period.load(checkId(periodId, '填报期', 'periodId')).catch(() => null);
      if (!period) throw notFound('填报期', periodId, 'periodId');
      endsOn = period.endsOn;
    }
    const rows = await this.dashboard.figureSources(targetId, endsOn, countyId);
    const [agencies, periods] = await Promise.all([
      ctx.loaders.agency.loadMany([...new Set(rows.flatMap((r) => [r.agencyId, r.countyId]))]) as Promise<Agency[]>,
      ctx.loaders.period.loadMany([...new Set(rows.map((r) => r.periodId))]) as Promise<ReportingPeriod[]>,
    ]);
    const agencyById = new Map(agencies.map((a) => [a.id, a]));
    const periodById = new Map(periods.map((p) => [p.id, p]));
    return rows.map((r) => ({
      ...r,
      agency: agencyById.get(r.agencyId)!,
      county: agencyById.get(r.countyId)!,
      period: periodById.get(r.periodId)!,
    }));
  }
}
