import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import type { AuthUser, RequestContext } from '../common/request-context';
import { Agency } from '../policy/agency.entity';
import { Measure } from '../policy/measure.entity';
import { DraftVisibility } from '../policy/draft-visibility';
import { Policy } from '../policy/policy.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import {
  AddSupervisionItemInput,
  OpenSupervisionReviewArgs,
  RateMeasureArgs,
  RespondSupervisionItemArgs,
  SupervisionItemsArgs,
} from './dto/supervision.inputs';
import { SupervisionItem } from './supervision-item.entity';
import { SupervisionReview } from './supervision-review.entity';
import { isOverdue, SupervisionItemsService } from './supervision-items.service';
import { SupervisionService } from './supervision.service';
import { MeasureRating, SupervisionSummary } from './supervision.models';

/** The quarterly supervision review (督查). Everyone signed in reads; the office changes. */
@Roles('ADMIN', 'OFFICE', 'LEADER', 'REPORTER')
@Resolver(() => SupervisionReview)
export class SupervisionResolver {
  constructor(
    private readonly reviews: SupervisionService,
    private readonly itemService: SupervisionItemsService,
    private readonly drafts: DraftVisibility,
  ) {}

  @Query(() => SupervisionReview)
  supervisionReview(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<SupervisionReview> {
    return this.reviews.getFor(user, id);
  }

  @Query(() => [SupervisionReview], { description: 'The policy’s reviews, latest period first (a reporter: the FINAL ones)' })
  async supervisionReviews(
    @Args('policyId', { type: () => ID }) policyId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<SupervisionReview[]> {
    await this.drafts.policy(user, policyId);
    return this.reviews.listFor(user, policyId);
  }

  @Roles('ADMIN', 'OFFICE')
  @Mutation(() => SupervisionReview, { description: 'Opens the review of a period, or returns the one already opened' })
  openSupervisionReview(
    @Args() args: OpenSupervisionReviewArgs,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<SupervisionReview> {
    return this.reviews.open(user, args.policyId, args.periodId, ctx.requestId);
  }

  @Roles('ADMIN', 'OFFICE')
  @Mutation(() => MeasureRating, { description: 'The office’s own rating of a measure, with its reason (the computed one is kept)' })
  rateMeasure(@Args() args: RateMeasureArgs, @CurrentUser() user: AuthUser, @Context() ctx: RequestContext): Promise<MeasureRating> {
    return this.reviews.rate(user, args, ctx.requestId);
  }

  @Roles('ADMIN', 'OFFICE')
  @Mutation(() => SupervisionReview, { description: 'OPEN -> FINAL: ratings and items can no longer change; answers and closing go on' })
  finalizeSupervisionReview(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<SupervisionReview> {
    return this.reviews.finalize(user, id, ctx.requestId);
  }

  @ResolveField(() => ReportingPeriod)
  period(@Parent() review: SupervisionReview, @Context() ctx: RequestContext): Promise<ReportingPeriod> {
    return ctx.loaders.period.load(review.periodId);
  }

  @ResolveField(() => ID)
  policyId(@Parent() review: SupervisionReview): string {
    return review.policyId;
  }

  @ResolveField(() => [MeasureRating], { description: 'One per measure, in the notice’s order' })
  ratings(@Parent() review: SupervisionReview): Promise<MeasureRating[]> {
    return this.reviews.measureRatings(review);
  }

  @ResolveField(() => [SupervisionItem], { description: 'This review’s items (a reporter sees its own unit’s only)' })
  items(@Parent() review: SupervisionReview, @CurrentUser() user: AuthUser): Promise<SupervisionItem[]> {
    return this.itemService.list(user, { reviewId: review.id });
  }

  @ResolveField(() => [SupervisionItem], { description: 'Items of earlier reviews of the policy still not closed' })
  carriedOverItems(@Parent() review: SupervisionReview, @CurrentUser() user: AuthUser): Promise<SupervisionItem[]> {
    return this.itemService.list(user, { carriedOverFrom: review });
  }

  @ResolveField(() => SupervisionReview, { nullable: true, description: 'The review of the quarter before, if held' })
  previousReview(@Parent() review: SupervisionReview, @CurrentUser() user: AuthUser): Promise<SupervisionReview | null> {
    return this.reviews.previousFor(user, review);
  }

  @ResolveField(() => SupervisionSummary)
  async summary(@Parent() review: SupervisionReview, @CurrentUser() user: AuthUser): Promise<SupervisionSummary> {
    const [ratings, items, carried] = await Promise.all([
      this.reviews.measureRatings(review),
      this.itemService.list(user, { reviewId: review.id }),
      this.itemService.list(user, { carriedOverFrom: review }),
    ]);
    const count = (f: (r: MeasureRating) => boolean) => ratings.filter(f).length;
    return {
      green: count((r) => r.rating === 'GREEN'),
      yellow: count((r) => r.rating === 'YELLOW'),
      red: count((r) => r.rating === 'RED'),
      overridden: count((r) => r.overridden),
      improved: count((r) => r.change === 'IMPROVED'),
      slipped: count((r) => r.change === 'SLIPPED'),
      redTwoQuarters: count((r) => r.redTwoQuarters),
      openItems: items.filter((i) => i.status !== 'CLOSED').length,
      carriedOverItems: carried.length,
    };
  }
}

@Roles('ADMIN', 'OFFICE', 'LEADER', 'REPORTER')
@Resolver(() => SupervisionItem)
export class SupervisionItemResolver {
  constructor(
    private readonly items: SupervisionItemsService,
    private readonly drafts: DraftVisibility,
  ) {}

  @Query(() => [SupervisionItem], { description: 'Follow-up items, soonest due first; a reporter gets its own unit’s' })
  async supervisionItems(@Args() args: SupervisionItemsArgs, @CurrentUser() user: AuthUser): Promise<SupervisionItem[]> {
    // A draft named by a leader or a unit is NOT_FOUND, as everywhere else.
    if (args.policyId) await this.drafts.policy(user, args.policyId);
    return this.items.list(user, args);
  }

  @Roles('ADMIN', 'OFFICE')
  @Mutation(() => SupervisionItem)
  addSupervisionItem(
    @Args('input') input: AddSupervisionItemInput,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<SupervisionItem> {
    return this.items.add(user, input, ctx.requestId);
  }

  @Mutation(() => SupervisionItem, { description: 'The unit’s answer (a reporter of the item’s unit only)' })
  respondSupervisionItem(
    @Args() args: RespondSupervisionItemArgs,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<SupervisionItem> {
    return this.items.respond(user, args, ctx.requestId);
  }

  @Roles('ADMIN', 'OFFICE')
  @Mutation(() => SupervisionItem, { description: 'RESPONDED -> CLOSED (the office)' })
  closeSupervisionItem(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<SupervisionItem> {
    return this.items.close(user, id, ctx.requestId);
  }

  @ResolveField(() => Measure)
  measure(@Parent() item: SupervisionItem, @Context() ctx: RequestContext): Promise<Measure> {
    return ctx.loaders.measure.load(item.measureId);
  }

  @ResolveField(() => Agency)
  agency(@Parent() item: SupervisionItem, @Context() ctx: RequestContext): Promise<Agency> {
    return ctx.loaders.agency.load(item.agencyId);
  }

  @ResolveField(() => Policy, { description: 'The policy the item is on (the measure’s)' })
  async policy(@Parent() item: SupervisionItem, @Context() ctx: RequestContext): Promise<Policy> {
    return ctx.loaders.policy.load((await ctx.loaders.measure.load(item.measureId)).policyId);
  }

  @ResolveField(() => ReportingPeriod, { description: 'The quarter of the review the item was assigned in' })
  async period(@Parent() item: SupervisionItem, @Context() ctx: RequestContext): Promise<ReportingPeriod> {
    if (item.review?.period) return item.review.period;
    return ctx.loaders.period.load((item.review ?? (await ctx.loaders.supervisionReview.load(item.reviewId))).periodId);
  }

  @ResolveField(() => ID)
  reviewId(@Parent() item: SupervisionItem): string {
    return item.reviewId;
  }

  @ResolveField(() => Boolean, { description: 'Still OPEN after its due date (China time)' })
  overdue(@Parent() item: SupervisionItem): boolean {
    return isOverdue(item);
  }
}

@Resolver(() => MeasureRating)
export class MeasureRatingResolver {
  @ResolveField(() => Measure)
  measure(@Parent() rating: MeasureRating, @Context() ctx: RequestContext): Promise<Measure> {
    return ctx.loaders.measure.load(rating.measureId);
  }
}
