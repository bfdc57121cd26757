import { Module } from '@nestjs/common';
import type { FeatureParts } from '../common/feature-parts';
import { ProgressModule } from '../progress/progress.module';
import { PortfolioCache } from './portfolio-cache';
import { PortfolioResolver } from './portfolio.resolver';
import { PortfolioService } from './portfolio.service';

const PARTS = { resolvers: [PortfolioResolver] } satisfies FeatureParts;

@Module({ imports: [ProgressModule], providers: [PortfolioService, ...PARTS.resolvers, PortfolioCache] })
export class PortfolioModule {
  static readonly parts = PARTS;
}
