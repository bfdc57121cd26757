import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import type { AuthUser, RequestContext } from '../common/request-context';
import { Agency } from '../policy/agency.entity';
import { AgencyMergeService } from './agency-merge';
import { CreateAgencyInput, MergeAgenciesArgs, RenameAgencyArgs, SetAgencyActiveArgs } from './dto/units.args';
import { AgencyMergePreview, AgencyStats } from './units.models';
import { UnitsService } from './units.service';

/** The office runs the units (系统管理 › 单位): add, rename, deactivate, merge. Every change audited. */
@Roles('ADMIN', 'OFFICE')
@Resolver()
export class UnitsResolver {
  constructor(
    private readonly units: UnitsService,
    private readonly merges: AgencyMergeService,
  ) {}

  @Query(() => [AgencyStats], {
    description: 'Every unit, inactive and merged ones too, with its accounts and responsibilities (OFFICE, ADMIN)',
  })
  agencyStats(): Promise<AgencyStats[]> {
    return this.units.stats();
  }

  @Query(() => AgencyMergePreview, { description: 'What mergeAgencies would move, and what stands in its way (OFFICE, ADMIN)' })
  agencyMergePreview(@Args() args: MergeAgenciesArgs): Promise<AgencyMergePreview> {
    return this.merges.preview(args);
  }

  @Mutation(() => Agency, { description: 'Adds a unit; names unique in either script, a county needs its division code (OFFICE, ADMIN)' })
  createAgency(@Args('input') input: CreateAgencyInput, @CurrentUser() actor: AuthUser, @Context() ctx: RequestContext): Promise<Agency> {
    return this.units.create(actor, input, ctx.requestId);
  }

  @Mutation(() => Agency, { description: 'Renames a unit (and its short name, if given); the audit keeps the old name (OFFICE, ADMIN)' })
  renameAgency(@Args() args: RenameAgencyArgs, @CurrentUser() actor: AuthUser, @Context() ctx: RequestContext): Promise<Agency> {
    return this.units.rename(actor, args, ctx.requestId);
  }

  @Mutation(() => Agency, {
    description:
      'Deactivates (not chased, no new items) or reactivates a unit; refused while it has reports awaiting review (OFFICE, ADMIN)',
  })
  setAgencyActive(@Args() args: SetAgencyActiveArgs, @CurrentUser() actor: AuthUser, @Context() ctx: RequestContext): Promise<Agency> {
    return this.units.setActive(actor, args, ctx.requestId);
  }

  @Mutation(() => Agency, { description: 'Moves everything of fromId to intoId in one transaction; returns intoId’s unit (OFFICE, ADMIN)' })
  mergeAgencies(@Args() args: MergeAgenciesArgs, @CurrentUser() actor: AuthUser, @Context() ctx: RequestContext): Promise<Agency> {
    return this.merges.merge(actor, args, ctx.requestId);
  }
}

@Resolver(() => Agency)
export class AgencyMergedIntoResolver {
  @ResolveField(() => Agency, { nullable: true, description: 'The unit this one was merged into (it is then inactive)' })
  mergedInto(@Parent() agency: Agency, @Context() ctx: RequestContext): Promise<Agency> | null {
    return agency.mergedIntoId ? ctx.loaders.agency.load(agency.mergedIntoId) : null;
  }
}
