import { Module } from '@nestjs/common';
import type { FeatureParts } from '../common/feature-parts';
import { AgencyWebhook } from './agency-webhook.entity';
import { ChaseDelivery } from './chase-delivery.entity';
import { ChaseEvent } from './chase-event.entity';
import { ChaseScheduler } from './chase-scheduler';
import { ChaseService } from './chase.service';
import { ChaseDeliveryResolver, ChasingResolver, NoticesResolver } from './chasing.resolver';
import { DeliverySender } from './delivery-sender';
import { NoticesService } from './notices.service';
import { RobotDialer } from './robot-dialer';
import { UserNotice } from './user-notice.entity';
import { WebhooksService } from './webhooks.service';

const PARTS = {
  entities: [UserNotice, AgencyWebhook, ChaseEvent, ChaseDelivery],
  resolvers: [NoticesResolver, ChasingResolver, ChaseDeliveryResolver],
} satisfies FeatureParts;

/** Chasing (催办): in-app notices, units' robot webhooks, and the scheduled job that chases. */
@Module({
  providers: [RobotDialer, NoticesService, WebhooksService, ChaseService, DeliverySender, ChaseScheduler, ...PARTS.resolvers],
  exports: [NoticesService, ChaseService, DeliverySender],
})
export class ChasingModule {
  static readonly parts = PARTS;
}
