import { Module } from '@nestjs/common';
import type { FeatureParts } from '../common/feature-parts';
import { ProgressModule } from '../progress/progress.module';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';
import { OverviewCache } from './overview-cache';

const PARTS = { resolvers: [DashboardResolver] } satisfies FeatureParts;

@Module({ imports: [ProgressModule], providers: [DashboardService, ...PARTS.resolvers, OverviewCache] })
export class DashboardModule {
  static readonly parts = PARTS;
}
