import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module';
import { SupervisionItemsService } from './supervision-items.service';
import { SupervisionRatingsService } from './supervision-ratings';
import { MeasureRatingResolver, SupervisionItemResolver, SupervisionResolver } from './supervision.resolver';
import { SupervisionService } from './supervision.service';

@Module({
  imports: [DashboardModule],
  providers: [SupervisionService, SupervisionItemsService, SupervisionRatingsService, SupervisionResolver, SupervisionItemResolver, MeasureRatingResolver],
  exports: [SupervisionService, SupervisionItemsService],
})
export class SupervisionModule {}
