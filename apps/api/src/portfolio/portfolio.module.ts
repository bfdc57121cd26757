import { Module } from '@nestjs/common';
import { ProgressModule } from '../progress/progress.module';
import { PortfolioCache } from './portfolio-cache';
import { PortfolioResolver } from './portfolio.resolver';
import { PortfolioService } from './portfolio.service';

@Module({ imports: [ProgressModule], providers: [PortfolioService, PortfolioResolver, PortfolioCache] })
export class PortfolioModule {}
