import { Module } from '@nestjs/common';
import { PolicyPeriodResolver, PreviousReportResolver, QuarterPolicyResolver, ReportListsResolver } from './report-lists.resolver';
import { ReportListsService } from './report-lists.service';
import { ReportQuartersService } from './report-quarters';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';
import { ReportExcelController } from './excel/report-excel.controller';
import { ReportExcelService } from './excel/report-excel.service';

@Module({
  controllers: [ReportExcelController],
  providers: [
    ReportExcelService,
    ReportsService,
    ReportsResolver,
    ReportListsService,
    ReportQuartersService,
    ReportListsResolver,
    QuarterPolicyResolver,
    PolicyPeriodResolver,
    PreviousReportResolver,
  ],
})
export class ReportsModule {}
