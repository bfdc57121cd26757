import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { chinaToday, type ReportStatus } from '@luoshi/domain';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import { ReportStatusEnum } from '../common/graphql-enums';
import type { AuthUser, RequestContext } from '../common/request-context';
import { DraftVisibility } from '../policy/draft-visibility';
import { Policy } from '../policy/policy.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { ProgressReport } from './progress-report.entity';
import { previousKey } from './previous-reports';
import { ReportListsService, TaskRow } from './report-lists.service';
import { ReportTask } from './report.models';
import { QuarterPolicy, ReportingQuarter } from './report-quarter.models';
import { checkQuarter, ReportQuartersService } from './report-quarters';
import { ReportError } from './report.errors';

@Roles('ADMIN', 'OFFICE', 'LEADER', 'REPORTER')
@Resolver(() => ReportTask)
export class ReportListsResolver {
  constructor(
    private readonly lists: ReportListsService,
    private readonly drafts: DraftVisibility,
    private readonly quarters: ReportQuartersService,
  ) {}

  @Query(() => [ReportTask], {
    description:
      'The measures a unit reports on (a reporter: its own unit): in one period (periodId), or in a quarter (quarter: 2026Q3) across every published policy, grouped by policy (issue date, doc number), then measure order. Exactly one of periodId and quarter.',
  })
  async reportTasks(
    @Args('periodId', { type: () => ID, nullable: true }) periodId: string | null,
    @Args('quarter', { type: () => String, nullable: true }) quarter: string | null,
    @Args('agencyId', { type: () => ID, nullable: true }) agencyId: string | null,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<ReportTask[]> {
    if ((periodId === null || periodId === undefined) === (quarter === null || quarter === undefined)) {
      throw new ReportError('BAD_USER_INPUT', '请指定填报期或季度之一 (give exactly one of periodId and quarter)', {
        field: periodId ? 'quarter' : 'periodId',
      });
    }
    const scope = periodId ? { periodId } : { quarter: checkQuarter(quarter!) };
    const rows = await this.lists.tasks(user, scope, agencyId);
    return Promise.all(rows.map((row) => this.toTask(row, ctx)));
  }

  @Query(() => [ReportingQuarter], {
    description:
      'A unit’s quarters across every published policy it is responsible under (a reporter: its own unit): the open ones by due date, then the finished ones, newest first',
  })
  myReportingQuarters(
    @Args('agencyId', { type: () => ID, nullable: true }) agencyId: string | null,
    @CurrentUser() user: AuthUser,
  ): Promise<ReportingQuarter[]> {
    return this.quarters.quarters(user, agencyId);
  }

  private async toTask(row: TaskRow, ctx: RequestContext): Promise<ReportTask> {
    const [policy, measure, agency, period, previousReport] = await Promise.all([
      ctx.loaders.policy.load(row.policyId),
      ctx.loaders.measure.load(row.measureId),
      ctx.loaders.agency.load(row.agencyId),
      ctx.loaders.period.load(row.periodId),
      ctx.loaders.previousReport.load(previousKey(row.measureId, row.agencyId, row.periodId)),
    ]);
    const state = row.report?.status ?? 'NOT_STARTED';
    const done = state === 'SUBMITTED' || state === 'ACCEPTED';
    // Judged as the dashboard and chasing judge it: the unit's own due date, China's calendar day.
    const dueOn = row.extendedDueOn ?? period.dueOn;
    return {
      policy,
      measure,
      role: row.role,
      agency,
      period,
      state,
      report: row.report,
      previousReport,
      dueOn,
      extendedDueOn: row.extendedDueOn,
      overdue: !done && chinaToday() > dueOn,
    };
  }

  @Roles('ADMIN', 'OFFICE')
  @Query(() => [ProgressReport], {
    description:
      'Submitted reports waiting for review, oldest first (the office): every PUBLISHED policy unless policyId; quarter is a period label (2024Q3); at most 500',
  })
  reviewQueue(
    @Args('policyId', { type: () => ID, nullable: true }) policyId: string | null,
    @Args('quarter', { type: () => String, nullable: true }) quarter: string | null,
    @Args('agencyId', { type: () => ID, nullable: true }) agencyId: string | null,
    @Args('measureId', { type: () => ID, nullable: true }) measureId: string | null,
  ): Promise<ProgressReport[]> {
    return this.lists.reviewQueue({ policyId, quarter, agencyId, measureId });
  }

  @Query(() => [ProgressReport], { description: 'Reports of a policy; a reporter gets only its own unit’s' })
  async progressReports(
    @Args('policyId', { type: () => ID }) policyId: string,
    @Args('periodId', { type: () => ID, nullable: true }) periodId: string | null,
    @Args('agencyId', { type: () => ID, nullable: true }) agencyId: string | null,
    @Args('measureId', { type: () => ID, nullable: true }) measureId: string | null,
    @Args('status', { type: () => ReportStatusEnum, nullable: true }) status: ReportStatus | null,
    @CurrentUser() user: AuthUser,
  ): Promise<ProgressReport[]> {
    await this.drafts.policy(user, policyId);
    return this.lists.list(user, { policyId, periodId, agencyId, measureId, status });
  }
}

@Resolver(() => Policy)
export class PolicyPeriodResolver {
  constructor(private readonly lists: ReportListsService) {}

  @ResolveField(() => ReportingPeriod, { nullable: true, description: 'The period units report on now: the latest that has ended' })
  currentPeriod(@Parent() policy: Policy): Promise<ReportingPeriod | null> {
    return this.lists.currentPeriod(policy.id);
  }

  @ResolveField(() => [ReportingPeriod])
  periods(@Parent() policy: Policy, @Context() ctx: RequestContext): Promise<ReportingPeriod[]> {
    return ctx.loaders.periodsByPolicy.load(policy.id);
  }
}

@Resolver(() => ProgressReport)
export class PreviousReportResolver {
  @ResolveField(() => Policy, { description: 'The policy the report is on (the lists across policies name it on each row)' })
  async policy(@Parent() report: ProgressReport & { policyId?: string }, @Context() ctx: RequestContext): Promise<Policy> {
    // The cross-policy lists select the policy id with the row; elsewhere it comes by the measure.
    const policyId = report.policyId ?? (await ctx.loaders.measure.load(report.measureId)).policyId;
    return ctx.loaders.policy.load(policyId);
  }

  @ResolveField(() => ProgressReport, { nullable: true, description: 'The unit’s report on the measure for the latest earlier period' })
  previous(@Parent() report: ProgressReport, @Context() ctx: RequestContext): Promise<ProgressReport | null> {
    return ctx.loaders.previousReport.load(previousKey(report.measureId, report.agencyId, report.periodId));
  }
}

@Resolver(() => QuarterPolicy)
export class QuarterPolicyResolver {
  @ResolveField(() => Policy)
  policy(@Parent() part: QuarterPolicy, @Context() ctx: RequestContext): Promise<Policy> {
    return ctx.loaders.policy.load(part.policyId);
  }
}
