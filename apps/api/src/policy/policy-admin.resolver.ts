import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles, CurrentUser } from '../auth/roles.decorator';
import type { AuthUser, RequestContext } from '../common/request-context';
import { Agency } from './agency.entity';
import { CountyQuota } from './county-quota.model';
import { SetQuotaArgs, SetTargetTrajectoryArgs, SetTargetValueArgs, UpdateReportingPeriodArgs } from './dto/policy.args';
import { RemovePeriodExtensionArgs, SetPeriodExtensionArgs, SetQuotasArgs } from './dto/setup.args';
import { PeriodService } from './period.service';
import { PolicyService } from './policy.service';
import { QuotaService } from './quota.service';
import { ReportingPeriod } from './reporting-period.entity';
import { PeriodExtensionView, PeriodSettings, QuotaSet, QuotaTable } from './setup.models';
import { Target } from './target.entity';
import { TrajectoryService } from './trajectory.service';
import { TargetYearsService } from './target-years.service';

/** Reporting periods: everyone reads them; the office sets quotas and due dates. */
@Resolver(() => ReportingPeriod)
export class ReportingPeriodResolver {
  constructor(private readonly policyService: PolicyService) {}

  @Query(() => [ReportingPeriod], { description: 'Quarters from the notice’s issue date on, oldest first' })
  reportingPeriods(
    @Args('policyId', { type: () => ID }) policyId: string,
    @CurrentUser() user: AuthUser | null,
  ): Promise<ReportingPeriod[]> {
    return this.policyService.reportingPeriods(policyId, user);
  }
}

@Roles('ADMIN', 'OFFICE')
@Resolver()
export class PolicyAdminResolver {
  constructor(
    private readonly quotas: QuotaService,
    private readonly periods: PeriodService,
    private readonly trajectories: TrajectoryService,
    private readonly targetYears: TargetYearsService,
  ) {}

  @Mutation(() => Target, {
    description: 'Changes a published target’s value, e.g. one year of a 每年 target (OFFICE, ADMIN); a stale version is a CONFLICT',
  })
  setTargetValue(@Args() args: SetTargetValueArgs, @CurrentUser() actor: AuthUser, @Context() ctx: RequestContext): Promise<Target> {
    return this.targetYears.setValue(actor, args, ctx.requestId);
  }

  @Mutation(() => CountyQuota, { description: 'Splits a target across counties (OFFICE, ADMIN)' })
  setQuota(@Args() args: SetQuotaArgs, @CurrentUser() actor: AuthUser, @Context() ctx: RequestContext): Promise<CountyQuota> {
    return this.quotas.setQuota(actor, args, ctx.requestId);
  }

  @Mutation(() => QuotaSet, {
    description:
      'Sets an AT_LEAST target’s whole split across the counties in one transaction (OFFICE, ADMIN). A sum short of the target is refused (BAD_USER_INPUT, extensions.shortfall) unless allowShortfall; a sum above it is allowed',
  })
  setQuotas(@Args() args: SetQuotasArgs, @CurrentUser() actor: AuthUser, @Context() ctx: RequestContext): Promise<QuotaSet> {
    return this.quotas.setQuotas(actor, args, ctx.requestId);
  }

  @Query(() => QuotaTable, {
    description: 'A target’s split across the counties with last year’s quotas and achievement shares as a starting point (OFFICE, ADMIN)',
  })
  async quotaTable(@Args('targetId', { type: () => ID }) targetId: string, @Context() ctx: RequestContext): Promise<QuotaTable> {
    const data = await this.quotas.table(targetId);
    const [targets, counties] = await Promise.all([
      ctx.loaders.target.loadMany(data.previousTargetId ? [data.targetId, data.previousTargetId] : [data.targetId]) as Promise<Target[]>,
      ctx.loaders.agency.loadMany(data.rows.map((r) => r.countyId)) as Promise<Agency[]>,
    ]);
    const sum = data.rows.reduce((a, r) => a + (r.quota ?? 0), 0);
    const rounded = Math.round(sum * 1e6) / 1e6;
    return {
      target: targets[0],
      previousTarget: targets[1] ?? null,
      rows: data.rows.map((r, i) => ({ ...r, county: counties[i] })),
      sum: rounded,
      shortfall: Math.max(0, Math.round((targets[0].targetValue - rounded) * 1e6) / 1e6),
    };
  }

  @Mutation(() => Target, { description: 'Sets a target’s schedule by quarter, or back to linear with null (OFFICE, ADMIN)' })
  setTargetTrajectory(
    @Args() args: SetTargetTrajectoryArgs,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<Target> {
    return this.trajectories.set(actor, args, ctx.requestId);
  }

  @Mutation(() => ReportingPeriod, {
    description:
      'Moves a period’s due date, later or earlier (not before the quarter ends), with the reason kept in the audit (OFFICE, ADMIN)',
  })
  updateReportingPeriod(
    @Args() args: UpdateReportingPeriodArgs,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<ReportingPeriod> {
    return this.periods.updateDueDate(actor, args, ctx.requestId);
  }

  @Mutation(() => PeriodExtensionView, {
    description: 'Gives one unit its own later due date for a period (延期), with a reason (OFFICE, ADMIN)',
  })
  setPeriodExtension(
    @Args() args: SetPeriodExtensionArgs,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<PeriodExtensionView> {
    return this.periods.setExtension(actor, args, ctx.requestId);
  }

  @Mutation(() => Boolean, { description: 'Withdraws a unit’s extension, with a reason (OFFICE, ADMIN)' })
  removePeriodExtension(
    @Args() args: RemovePeriodExtensionArgs,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    return this.periods.removeExtension(actor, args, ctx.requestId);
  }

  @Query(() => [PeriodSettings], {
    description: 'A policy’s periods with their units’ extensions and the history of due-date changes (OFFICE, ADMIN)',
  })
  async periodSettings(@Args('policyId', { type: () => ID }) policyId: string, @Context() ctx: RequestContext): Promise<PeriodSettings[]> {
    const list = await this.periods.settings(policyId);
    const agencyIds = [
      ...new Set(
        list.flatMap((s) => [...s.extensions.map((x) => x.agencyId), ...s.changes.flatMap((c) => (c.agencyId ? [c.agencyId] : []))]),
      ),
    ];
    const agencies = (await ctx.loaders.agency.loadMany(agencyIds)) as (Agency | Error)[];
    const byId = new Map(agencies.filter((a): a is Agency => !(a instanceof Error)).map((a) => [a.id, a]));
    return list.map((s) => ({
      id: s.period.id,
      period: s.period,
      extensions: s.extensions
        .filter((x) => byId.has(x.agencyId))
        .map((x) => ({ periodId: x.periodId, agency: byId.get(x.agencyId)!, dueOn: x.dueOn, reason: x.reason, updatedAt: x.updatedAt })),
      changes: s.changes.map((c) => ({ ...c, agency: c.agencyId ? (byId.get(c.agencyId) ?? null) : null })),
    }));
  }
}
