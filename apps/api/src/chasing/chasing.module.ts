import { Module } from '@nestjs/common';
import { ChaseScheduler } from './chase-scheduler';
import { ChaseService } from './chase.service';
import { ChaseDeliveryResolver, ChasingResolver, NoticesResolver } from './chasing.resolver';
import { DeliverySender } from './delivery-sender';
import { NoticesService } from './notices.service';
import { RobotDialer } from './robot-dialer';
import { WebhooksService } from './webhooks.service';

/** Chasing (催办): in-app notices, units' robot webhooks, and the scheduled job that chases. */
@Module({
  providers: [
    RobotDialer,
    NoticesService,
    WebhooksService,
    ChaseService,
    DeliverySender,
    ChaseScheduler,
    NoticesResolver,
    ChasingResolver,
    ChaseDeliveryResolver,
  ],
  exports: [NoticesService, ChaseService, DeliverySender],
})
export class ChasingModule {}
