import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { auditActor } from '../audit/audit.service';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import type { AuthUser, RequestContext } from '../common/request-context';
import { Agency } from '../policy/agency.entity';
import { Policy } from '../policy/policy.entity';
import { checkId } from '../common/id-checks';
import { DataSource } from 'typeorm';
import { AgencyWebhook, WebhookKind, WebhookKindEnum } from './agency-webhook.entity';
import { ChaseDelivery, DeliveryStatus, DeliveryStatusEnum } from './chase-delivery.entity';
import { ChaseService } from './chase.service';
import { DeliverySender } from './delivery-sender';
import { ChaseRunResult } from './dto/chasing.models';
import { NoticesService } from './notices.service';
import { UserNotice } from './user-notice.entity';
import { maskedUrl } from './masked-url';
import { WebhooksService } from './webhooks.service';

/** Every signed-in user's own notices (the bell in the header). */
@Roles('ADMIN', 'OFFICE', 'LEADER', 'REPORTER')
@Resolver(() => UserNotice)
export class NoticesResolver {
  constructor(private readonly notices: NoticesService) {}

  @Query(() => [UserNotice], { description: 'The signed-in user’s notices, newest first (limit: default 20, at most 100)' })
  myNotices(
    @CurrentUser() user: AuthUser,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly: boolean | null,
    @Args('limit', { type: () => Int, nullable: true }) limit: number | null,
  ): Promise<UserNotice[]> {
    return this.notices.list(user.id, !!unreadOnly, limit ?? 20);
  }

  @Query(() => Int)
  unreadNoticeCount(@CurrentUser() user: AuthUser): Promise<number> {
    return this.notices.unreadCount(user.id);
  }

  @Mutation(() => Int, { description: 'Marks the user’s notices read (ids absent or null: all); returns how many changed' })
  markNoticesRead(@CurrentUser() user: AuthUser, @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null): Promise<number> {
    return this.notices.markRead(user.id, ids);
  }

  @ResolveField(() => Policy, { nullable: true, description: 'The policy the notice concerns; null when it covers several or none' })
  async policy(@Parent() notice: UserNotice, @Context() ctx: RequestContext, @CurrentUser() user: AuthUser): Promise<Policy | null> {
    const policy = notice.policyId ? await policyOrNull(ctx, notice.policyId) : null;
    // Drafts are the office's: anyone else's bell does not name one.
    return policy && (policy.status === 'PUBLISHED' || user.role === 'ADMIN' || user.role === 'OFFICE') ? policy : null;
  }
}

/** A policy since deleted (a discarded draft) leaves old rows naming nothing rather than failing the list. */
async function policyOrNull(ctx: RequestContext, id: string): Promise<Policy | null> {
  try {
    return await ctx.loaders.policy.load(id);
  } catch {
    return null;
  }
}

/** The office's side of chasing: units' robot webhooks, the record of what was sent, a pass on demand. */
@Roles('ADMIN', 'OFFICE')
@Resolver(() => AgencyWebhook)
export class ChasingResolver {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly chase: ChaseService,
    private readonly sender: DeliverySender,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => [AgencyWebhook], { description: 'Units’ group-robot webhooks (OFFICE, ADMIN)' })
  agencyWebhooks(): Promise<AgencyWebhook[]> {
    return this.webhooks.list();
  }

  @Mutation(() => AgencyWebhook, { description: 'Sets a unit’s WeCom or DingTalk robot address (OFFICE, ADMIN); audited' })
  setAgencyWebhook(
    @Args('agencyId', { type: () => ID }) agencyId: string,
    @Args('kind', { type: () => WebhookKindEnum }) kind: WebhookKind,
    @Args('url') url: string,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<AgencyWebhook> {
    return this.webhooks.set(agencyId, kind, url, auditActor(user, ctx.requestId));
  }

  @Mutation(() => Boolean, { description: 'Removes a unit’s webhook (OFFICE, ADMIN); false when it had none' })
  removeAgencyWebhook(
    @Args('agencyId', { type: () => ID }) agencyId: string,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    return this.webhooks.remove(agencyId, auditActor(user, ctx.requestId));
  }

  @Query(() => [ChaseDelivery], { description: 'What chasing sent, newest first (OFFICE, ADMIN; limit default 100, at most 500)' })
  chaseDeliveries(
    @Args('status', { type: () => DeliveryStatusEnum, nullable: true }) status: DeliveryStatus | null,
    @Args('limit', { type: () => Int, nullable: true }) limit: number | null,
    @Args('policyId', {
      type: () => ID,
      nullable: true,
      description: 'Only messages covering this policy (a unit’s message may cover several)',
    })
    policyId: string | null,
  ): Promise<ChaseDelivery[]> {
    const q = this.dataSource.getRepository(ChaseDelivery).createQueryBuilder('d');
    if (status) q.andWhere('d.status = :status', { status });
    if (policyId) q.andWhere(':policyId = ANY(d.policy_ids)', { policyId: checkId(policyId, '政策文件', 'policyId') });
    return q
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .take(Math.min(Math.max(limit ?? 100, 1), 500))
      .getMany();
  }

  @Mutation(() => ChaseRunResult, { description: 'Runs one chasing pass and a send round now (OFFICE, ADMIN)' })
  async runChaseNow(): Promise<ChaseRunResult> {
    const pass = await this.chase.runPass();
    const sent = await this.sender.deliverDue();
    return { ...pass, webhooksDelivered: sent.delivered, webhooksFailed: sent.failed, webhooksRetrying: sent.retrying };
  }

  @ResolveField(() => Agency)
  agency(@Parent() webhook: AgencyWebhook, @Context() ctx: RequestContext): Promise<Agency> {
    return ctx.loaders.agency.load(webhook.agencyId);
  }

  @ResolveField(() => String, {
    description: 'The address with its key masked (key=***): the key is a credential and never leaves the server',
  })
  url(@Parent() webhook: AgencyWebhook): string {
    return maskedUrl(webhook.url);
  }
}

@Resolver(() => ChaseDelivery)
export class ChaseDeliveryResolver {
  @ResolveField(() => [Policy], { description: 'The policies the message’s reports and items are on' })
  async policies(@Parent() delivery: ChaseDelivery, @Context() ctx: RequestContext): Promise<Policy[]> {
    const found = await Promise.all((delivery.policyIds ?? []).map((id) => policyOrNull(ctx, id)));
    return found.filter((p): p is Policy => p !== null);
  }

  @ResolveField(() => Agency, { nullable: true, description: 'The unit chased; null for the office’s summary' })
  agency(@Parent() delivery: ChaseDelivery, @Context() ctx: RequestContext): Promise<Agency> | null {
    return delivery.agencyId ? ctx.loaders.agency.load(delivery.agencyId) : null;
  }
}
