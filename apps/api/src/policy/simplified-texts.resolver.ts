import { Args, ID, Query, Resolver } from '@nestjs/graphql';
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
  simplifiedTexts(@Args('policyId', { type: () => ID }) policyId: string): Promise<TextPair[]> {
    return this.policyService.simplifiedTexts(policyId);
  }
}
