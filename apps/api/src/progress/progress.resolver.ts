import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/roles.decorator';
import type { AuthUser, RequestContext } from '../common/request-context';
import { answerCacheable } from '../read-cache/answer-cacheable';
import type { ReadCheckedRequest } from '../read-cache/read-cache.middleware';
import { seesDrafts } from '../policy/draft-visibility';
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
    @CurrentUser() user: AuthUser | null,
    @Context() ctx: RequestContext,
  ): Promise<TargetProgress[]> {
    // The data version the answer cache's middleware read for these scopes, if it did (read after the request arrived).
    const checked = (ctx.req as ReadCheckedRequest).readCheck;
    const known = checked?.scopes === `${policyId},all` ? checked.version : undefined;
    const { answer, version } = await this.progress.targetProgress(policyId, periodId, seesDrafts(user), known);
    // Depends on the policy's rows and the counties (the 'all' scope) and, through seesDrafts, on the role only.
    answerCacheable(ctx, [policyId, 'all'], version);
    // Built by PostgreSQL in the shape of TargetProgress (entities' columns as JSON): handed through as it is.
    return answer as unknown as TargetProgress[];
  }
}
