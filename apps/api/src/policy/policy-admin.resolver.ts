import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles, CurrentUser } from '../auth/roles.decorator';
import type { AuthUser, RequestContext } from '../common/request-context';
import { CountyQuota } from './county-quota.model';
import { SetQuotaArgs, SetTargetTrajectoryArgs, UpdateReportingPeriodArgs } from './dto/policy.args';
import { PeriodService } from './period.service';
import { PolicyService } from './policy.service';
import { QuotaService } from './quota.service';
import { ReportingPeriod } from './reporting-period.entity';
import { Target } from './target.entity';
import { TrajectoryService } from './trajectory.service';

/** Reporting periods: everyone reads them; the office sets quotas and due dates. */
@Resolver(() => ReportingPeriod)
export class ReportingPeriodResolver {
  constructor(private readonly policyService: PolicyService) {}

  @Query(() => [ReportingPeriod], { description: 'Quarters from the notice’s issue date on, oldest first' })
  reportingPeriods(@Args('policyId', { type: () => ID }) policyId: string): Promise<ReportingPeriod[]> {
    return this.policyService.reportingPeriods(policyId);
  }
}

@Roles('ADMIN', 'OFFICE')
@Resolver()
export class PolicyAdminResolver {
  constructor(
    private readonly quotas: QuotaService,
    private readonly periods: PeriodService,
    private readonly trajectories: TrajectoryService,
  ) {}

  @Mutation(() => CountyQuota, { description: 'Splits a target across counties (OFFICE, ADMIN)' })
  setQuota(@Args() args: SetQuotaArgs, @CurrentUser() actor: AuthUser, @Context() ctx: RequestContext): Promise<CountyQuota> {
    return this.quotas.setQuota(actor, args, ctx.requestId);
  }

  @Mutation(() => Target, { description: 'Sets a target’s schedule by quarter, or back to linear with null (OFFICE, ADMIN)' })
  setTargetTrajectory(@Args() args: SetTargetTrajectoryArgs, @CurrentUser() actor: AuthUser, @Context() ctx: RequestContext): Promise<Target> {
    return this.trajectories.set(actor, args, ctx.requestId);
  }

  @Mutation(() => ReportingPeriod, { description: 'Moves a period’s due date (OFFICE, ADMIN)' })
  updateReportingPeriod(@Args() args: UpdateReportingPeriodArgs, @CurrentUser() actor: AuthUser, @Context() ctx: RequestContext): Promise<ReportingPeriod> {
    return this.periods.updateDueDate(actor, args, ctx.requestId);
  }
}
