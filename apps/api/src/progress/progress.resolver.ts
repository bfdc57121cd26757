import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/roles.decorator';
import type { AuthUser } from '../common/request-context';
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
  ): Promise<TargetProgress[]> {
    // Built by PostgreSQL in the shape of TargetProgress (entities' columns as JSON): handed through as it is.
    return (await this.progress.targetProgress(policyId, periodId, seesDrafts(user))) as unknown as TargetProgress[];
  }
}
