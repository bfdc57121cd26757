import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/roles.decorator';
import type { AuthUser, RequestContext } from '../common/request-context';
import { Agency } from './agency.entity';
import { CountyQuota } from './county-quota.model';
import { AgenciesArgs } from './dto/policy.args';
import { Measure } from './measure.entity';
import { Policy } from './policy.entity';
import { PolicyService } from './policy.service';
import { Responsibility } from './responsibility.entity';
import { Section } from './section.entity';
import { Target } from './target.entity';
import { ImportWarning, spanOf, TextSpan } from './import-warning.model';
import { currentWarnings } from './import-warnings';

/** The notices' structure. Reading it needs no sign-in: the notices are public documents. */
@Resolver(() => Policy)
export class PolicyResolver {
  constructor(private readonly policyService: PolicyService) {}

  @Query(() => [Policy], { description: 'Published policies; ADMIN/OFFICE see the drafts too' })
  policies(@CurrentUser() user: AuthUser | null): Promise<Policy[]> {
    return this.policyService.policies(user);
  }

  @Query(() => Policy, { description: 'A draft is NOT_FOUND to anyone but ADMIN/OFFICE' })
  policy(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser | null): Promise<Policy> {
    return this.policyService.policy(id, user);
  }

  @Query(() => [Agency], { description: 'Responsible units, counties first (by division code)' })
  agencies(@Args() args: AgenciesArgs): Promise<Agency[]> {
    return this.policyService.agencies(args.kind, args.search, args.includeInactive);
  }

  @ResolveField(() => [Section])
  sections(@Parent() policy: Policy, @Context() ctx: RequestContext): Promise<Section[]> {
    return ctx.loaders.sectionsByPolicy.load(policy.id);
  }

  @ResolveField(() => [Measure])
  measures(@Parent() policy: Policy, @Context() ctx: RequestContext): Promise<Measure[]> {
    return ctx.loaders.measuresByPolicy.load(policy.id);
  }

  @ResolveField(() => [ImportWarning], {
    description: 'What the office should still check before publishing, as the draft is now (a fixed problem is gone)',
  })
  warnings(@Parent() policy: Policy, @Context() ctx: RequestContext): Promise<ImportWarning[]> {
    return currentWarnings(policy, ctx.loaders);
  }
}

@Resolver(() => Section)
export class SectionResolver {
  @ResolveField(() => [Measure])
  measures(@Parent() section: Section, @Context() ctx: RequestContext): Promise<Measure[]> {
    return ctx.loaders.measuresBySection.load(section.id);
  }
}

@Resolver(() => Measure)
export class MeasureResolver {
  @ResolveField(() => Section)
  section(@Parent() measure: Measure, @Context() ctx: RequestContext): Promise<Section> {
    return ctx.loaders.section.load(measure.sectionId);
  }

  @ResolveField(() => [Responsibility], { description: 'In the order the notice names them; LEAD first' })
  responsibilities(@Parent() measure: Measure, @Context() ctx: RequestContext): Promise<Responsibility[]> {
    return ctx.loaders.responsibilitiesByMeasure.load(measure.id);
  }

  @ResolveField(() => [Target])
  targets(@Parent() measure: Measure, @Context() ctx: RequestContext): Promise<Target[]> {
    return ctx.loaders.targetsByMeasure.load(measure.id);
  }

  @ResolveField(() => TextSpan, {
    nullable: true,
    description: 'Where the responsibility words stand in policy.sourceText (UTF-16 offsets)',
  })
  responsibilitySpan(@Parent() measure: Measure): TextSpan | null {
    return spanOf(measure.responsibilitySpanStart, measure.responsibilitySpanEnd);
  }
}

@Resolver(() => Responsibility)
export class ResponsibilityResolver {
  @ResolveField(() => Agency)
  agency(@Parent() responsibility: Responsibility, @Context() ctx: RequestContext): Promise<Agency> {
    return ctx.loaders.agency.load(responsibility.agencyId);
  }
}

@Resolver(() => Target)
export class TargetResolver {
  @ResolveField(() => TextSpan, { nullable: true, description: 'Where the goal words stand in policy.sourceText (UTF-16 offsets)' })
  span(@Parent() target: Target): TextSpan | null {
    return spanOf(target.spanStart, target.spanEnd);
  }

  @ResolveField(() => [CountyQuota], { description: 'One row per county; quota null where none is set' })
  async quotas(@Parent() target: Target, @Context() ctx: RequestContext): Promise<CountyQuota[]> {
    const [counties, quotas] = await Promise.all([ctx.loaders.counties.load('all'), ctx.loaders.quotasByTarget.load(target.id)]);
    const byCounty = new Map(quotas.map((q) => [q.countyId, q.quota]));
    // An inactive county is listed only where it has a quota (its history), not as an empty row.
    return counties
      .filter((county) => county.active || byCounty.has(county.id))
      .map((county) => ({ county, quota: byCounty.get(county.id) ?? null }));
  }
}
