import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import type { AuthUser, RequestContext } from '../common/request-context';
import { Agency } from '../policy/agency.entity';
import { Measure } from '../policy/measure.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import {
  AcceptProgressReportsArgs,
  ReviewProgressReportArgs,
  SaveProgressReportInput,
  SubmitProgressReportArgs,
} from './dto/report.inputs';
import { ProgressReport } from './progress-report.entity';
import { BatchReviewOutcome, ReportEvent, ReportValue } from './report.models';
import { ReportsService } from './reports.service';

/** Progress reports. Every operation needs sign-in; report-access.ts holds the per-unit rules. */
@Roles('ADMIN', 'OFFICE', 'LEADER', 'REPORTER')
@Resolver(() => ProgressReport)
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @Query(() => ProgressReport)
  progressReport(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ProgressReport> {
    return this.reports.get(user, id);
  }

  @Roles('ADMIN', 'OFFICE', 'REPORTER')
  @Mutation(() => ProgressReport, { description: 'Creates a DRAFT (no id) or updates a DRAFT/RETURNED report (id and the version read)' })
  saveProgressReport(
    @Args('input') input: SaveProgressReportInput,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<ProgressReport> {
    return this.reports.save(user, input, ctx.requestId);
  }

  @Roles('ADMIN', 'OFFICE', 'REPORTER')
  @Mutation(() => ProgressReport, { description: 'DRAFT or RETURNED -> SUBMITTED' })
  submitProgressReport(
    @Args() args: SubmitProgressReportArgs,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<ProgressReport> {
    return this.reports.submit(user, args, ctx.requestId);
  }

  @Roles('ADMIN', 'OFFICE')
  @Mutation(() => ProgressReport, { description: 'SUBMITTED -> ACCEPTED, or RETURNED with a comment (the office)' })
  reviewProgressReport(
    @Args() args: ReviewProgressReportArgs,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<ProgressReport> {
    return this.reports.review(user, args, ctx.requestId);
  }

  @Roles('ADMIN', 'OFFICE')
  @Mutation(() => [BatchReviewOutcome], {
    description:
      '批量通过 (the office): accepts each SUBMITTED report whose version is still the one read, each on its own and audited as a single review; answers per report, in the order given',
  })
  acceptProgressReports(
    @Args() args: AcceptProgressReportsArgs,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<BatchReviewOutcome[]> {
    return this.reports.acceptMany(user, args.reports, ctx.requestId);
  }

  @ResolveField(() => Measure)
  measure(@Parent() report: ProgressReport, @Context() ctx: RequestContext): Promise<Measure> {
    return ctx.loaders.measure.load(report.measureId);
  }

  @ResolveField(() => Agency)
  agency(@Parent() report: ProgressReport, @Context() ctx: RequestContext): Promise<Agency> {
    return ctx.loaders.agency.load(report.agencyId);
  }

  @ResolveField(() => ReportingPeriod)
  period(@Parent() report: ProgressReport, @Context() ctx: RequestContext): Promise<ReportingPeriod> {
    return ctx.loaders.period.load(report.periodId);
  }

  @ResolveField(() => [ReportValue])
  async values(@Parent() report: ProgressReport, @Context() ctx: RequestContext): Promise<ReportValue[]> {
    const figures = await ctx.loaders.figuresByReport.load(report.id);
    const [targets, counties] = await Promise.all([
      ctx.loaders.target.loadMany(figures.map((f) => f.targetId)),
      ctx.loaders.agency.loadMany(figures.map((f) => f.countyId)),
    ]);
    return figures.map((f, i) => ({ target: targets[i], county: counties[i], value: f.value }) as ReportValue);
  }

  @ResolveField(() => [ReportEvent], { description: 'Who changed what and when, with the review comments, oldest first' })
  history(@Parent() report: ProgressReport, @Context() ctx: RequestContext): Promise<ReportEvent[]> {
    return ctx.loaders.historyByReport.load(report.id);
  }
}
