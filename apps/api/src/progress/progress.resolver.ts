import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { summarize, targetsForYear } from '@luoshi/domain';
import { CurrentUser } from '../auth/roles.decorator';
import type { AuthUser, RequestContext } from '../common/request-context';
import { seesDrafts } from '../policy/draft-visibility';
import { Agency } from '../policy/agency.entity';
import { Target } from '../policy/target.entity';
import { TargetProgress } from './progress.models';
import { ProgressService } from './progress.service';

/** Aggregated figures (no report texts): readable like the policy itself. */
@Resolver(() => TargetProgress)
export class ProgressResolver {
  constructor(private readonly progress: ProgressService) {}

  @Query(() => [TargetProgress], {
    description:
      'Every target of the policy, as of the end of periodId (all periods when omitted); at a period, of a 每年 target only that year’s',
  })
  async targetProgress(
    @Args('policyId', { type: () => ID }) policyId: string,
    @Args('periodId', { type: () => ID, nullable: true }) periodId: string | null,
    @Context() ctx: RequestContext,
    @CurrentUser() user: AuthUser | null,
  ): Promise<TargetProgress[]> {
    const all = await this.progress.targetProgress(policyId, periodId, seesDrafts(user));
    const [allTargets, counties] = await Promise.all([
      ctx.loaders.target.loadMany(all.map((d) => d.targetId)) as Promise<Target[]>,
      ctx.loaders.counties.load('all'),
    ]);
    // At a period, a 每年 target is that year's target only (as the dashboard's cards).
    const shown = new Set((all.periodYear ? targetsForYear(allTargets, all.periodYear) : allTargets).map((t) => t.id));
    const data = all.filter((d) => shown.has(d.targetId));
    const targets = allTargets.filter((t) => shown.has(t.id));
    const countyById = new Map<string, Agency>(counties.map((c) => [c.id, c]));
    return data.map((d, i) => ({
      target: targets[i],
      ...summarize(targets[i].direction, targets[i].targetValue, d.byCounty),
      byCounty: d.byCounty.map((c) => ({
        county: countyById.get(c.countyId)!,
        quota: c.quota,
        achieved: c.achieved ?? 0,
        pending: c.pending ?? 0,
      })),
    }));
  }
}
