import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import type { AuthUser, RequestContext } from '../common/request-context';
import { Agency } from './agency.entity';
import { AgencyAlias } from './agency-alias.entity';
import { AgencyAliasService } from './agency-alias.service';

/** The names the office taught the import (市人社局 → 江门市人力资源和社会保障局). */
@Roles('ADMIN', 'OFFICE')
@Resolver(() => AgencyAlias)
export class AgencyAliasResolver {
  constructor(private readonly aliases: AgencyAliasService) {}

  @Query(() => [AgencyAlias], {
    description: 'The office’s aliases of unit names, by alias (OFFICE, ADMIN); the reviewed usual short names are built in',
  })
  agencyAliases(): Promise<AgencyAlias[]> {
    return this.aliases.list();
  }

  @Mutation(() => AgencyAlias, {
    description: 'Teaches the import that a name stands for a unit (OFFICE, ADMIN); a name of another unit or alias: CONFLICT',
  })
  addAgencyAlias(
    @Args('alias') alias: string,
    @Args('agencyId', { type: () => ID }) agencyId: string,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<AgencyAlias> {
    return this.aliases.add(actor, alias, agencyId, ctx.requestId);
  }

  @Mutation(() => Boolean, { description: 'Forgets an alias (OFFICE, ADMIN)' })
  removeAgencyAlias(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    return this.aliases.remove(actor, id, ctx.requestId);
  }

  @ResolveField(() => Agency)
  agency(@Parent() alias: AgencyAlias, @Context() ctx: RequestContext): Promise<Agency> {
    return ctx.loaders.agency.load(alias.agencyId);
  }
}
