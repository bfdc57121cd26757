import { Module } from '@nestjs/common';
import { ProgressModule } from '../progress/progress.module';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';
import { OverviewCache } from './overview-cache';

@Module({ imports: [ProgressModule], providers: [DashboardService, DashboardResolver, OverviewCache] })
export class DashboardModule {}
