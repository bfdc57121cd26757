import { Module } from '@nestjs/common';
import { ChasingModule } from '../chasing/chasing.module';
import { ProgressModule } from '../progress/progress.module';
import { ReviewPackController } from './pack/review-pack.controller';
import { ReviewPackDataService } from './pack/review-pack.data';
import { SupervisionItemsService } from './supervision-items.service';
import { SupervisionRatingsService } from './supervision-ratings';
import { MeasureRatingResolver, SupervisionItemResolver, SupervisionResolver } from './supervision.resolver';
import { SupervisionService } from './supervision.service';

@Module({
  imports: [ProgressModule, ChasingModule],
  controllers: [ReviewPackController],
  providers: [
    SupervisionService,
    SupervisionItemsService,
    SupervisionRatingsService,
    SupervisionResolver,
    SupervisionItemResolver,
    MeasureRatingResolver,
    ReviewPackDataService,
  ],
  exports: [SupervisionService, SupervisionItemsService, ReviewPackDataService],
})
export class SupervisionModule {}
