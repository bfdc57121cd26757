import { Module } from '@nestjs/common';
import { ProgressModule } from '../progress/progress.module';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

@Module({ imports: [ProgressModule], providers: [DashboardService, DashboardResolver], exports: [DashboardService] })
export class DashboardModule {}
