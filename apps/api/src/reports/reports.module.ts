import { Module } from '@nestjs/common';
import { PolicyPeriodResolver, PreviousReportResolver, ReportListsResolver } from './report-lists.resolver';
import { ReportListsService } from './report-lists.service';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({ providers: [ReportsService, ReportsResolver, ReportListsService, ReportListsResolver, PolicyPeriodResolver, PreviousReportResolver] })
export class ReportsModule {}
