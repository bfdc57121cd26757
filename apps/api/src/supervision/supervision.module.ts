import { Module } from '@nestjs/common';
import { ChasingModule } from '../chasing/chasing.module';
import type { FeatureParts } from '../common/feature-parts';
import { ProgressModule } from '../progress/progress.module';
import { ReviewPackController } from './pack/review-pack.controller';
import { ReviewPackDataService } from './pack/review-pack.data';
import { SupervisionItem } from './supervision-item.entity';
import { SupervisionItemsService } from './supervision-items.service';
import { supervisionLoaders } from './supervision.loaders';
import { SupervisionRating } from './supervision-rating.entity';
import { SupervisionRatingsService } from './supervision-ratings';
import { MeasureRatingResolver, SupervisionItemResolver, SupervisionResolver } from './supervision.resolver';
import { SupervisionReview } from './supervision-review.entity';
import { SupervisionService } from './supervision.service';

const PARTS = {
  entities: [SupervisionReview, SupervisionRating, SupervisionItem],
  resolvers: [SupervisionResolver, SupervisionItemResolver, MeasureRatingResolver],
  loaders: supervisionLoaders,
} satisfies FeatureParts;

@Module({
  imports: [ProgressModule, ChasingModule],
  controllers: [ReviewPackController],
  providers: [SupervisionService, SupervisionItemsService, SupervisionRatingsService, ...PARTS.resolvers, ReviewPackDataService],
  exports: [SupervisionService, SupervisionItemsService, ReviewPackDataService],
})
export class SupervisionModule {
  static readonly parts = PARTS;
}
