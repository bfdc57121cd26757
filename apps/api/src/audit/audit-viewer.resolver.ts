import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '../auth/user.entity';
import { Roles } from '../auth/roles.decorator';
import type { RequestContext } from '../common/request-context';
import { AuditFilter, checkFirst, decodeCursor, MAX_PAGE, toAuditQuery } from './audit-filter';
import { AuditPageView, AuditRecordView } from './audit.models';
import { AuditViewerService } from './audit-viewer.service';

/** 操作日志: the office and the administrator read the audit; leaders and units do not. */
@Roles('ADMIN', 'OFFICE')
@Resolver(() => AuditPageView)
export class AuditViewerResolver {
  constructor(private readonly viewer: AuditViewerService) {}

  @Query(() => AuditPageView, {
    description: `The audit, newest first, filtered (ADMIN, OFFICE). first: default 50, at most ${MAX_PAGE}; after: the previous page's endCursor`,
  })
  auditRecords(
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter: AuditFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditPageView> {
    return this.viewer.page(toAuditQuery(filter), decodeCursor(after), checkFirst(first));
  }

  @ResolveField(() => Int, { description: `How many records match the filter (all pages), counted up to ${10_000}: see totalCountCapped` })
  async totalCount(@Parent() page: AuditPageView): Promise<number> {
    return (await this.viewer.count(page)).count;
  }

  @ResolveField(() => Boolean, { description: 'True when more records match than totalCount says (counting stops at 10,000)' })
  async totalCountCapped(@Parent() page: AuditPageView): Promise<boolean> {
    return (await this.viewer.count(page)).capped;
  }
}

@Resolver(() => AuditRecordView)
export class AuditRecordResolver {
  @ResolveField(() => User, {
    nullable: true,
    description: 'The acting account; null for a failed sign-in, the system, or an account that is gone',
  })
  user(@Parent() record: AuditRecordView, @Context() ctx: RequestContext): Promise<User | null> | null {
    return record.userId ? ctx.loaders.user.load(record.userId).catch(() => null) : null;
  }
}
