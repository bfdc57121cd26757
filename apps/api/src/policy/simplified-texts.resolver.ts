import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/roles.decorator';
import type { AuthUser } from '../common/request-context';
import { PolicyService } from './policy.service';
import { TextPair } from './text-pair.model';

/** Public like `policies`: the notices are public documents. */
@Resolver()
export class SimplifiedTextsResolver {
  constructor(private readonly policyService: PolicyService) {}

  @Query(() => [TextPair], {
    description:
      "The dashboard's texts of a policy (title, doc number, sections, measures, targets and their units, responsible units and the counties) " +
      'with their simplified form, where it differs: the simplified UI shows them without loading a converter',
  })
  simplifiedTexts(@Args('policyId', { type: () => ID }) policyId: string, @CurrentUser() user: AuthUser | null): Promise<TextPair[]> {
    return this.policyService.simplifiedTexts(policyId, user);
  }
}
