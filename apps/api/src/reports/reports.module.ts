import { Module } from '@nestjs/common';
import type { FeatureParts } from '../common/feature-parts';
import { ProgressReport } from './progress-report.entity';
import { ReportFigure } from './report-figure.entity';
import { PolicyPeriodResolver, PreviousReportResolver, QuarterPolicyResolver, ReportListsResolver } from './report-lists.resolver';
import { ReportListsService } from './report-lists.service';
import { ReportQuartersService } from './report-quarters';
import { ReportTotal } from './report-total.entity';
import { reportsLoaders } from './reports.loaders';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';
import { ReportExcelController } from './excel/report-excel.controller';
import { ReportExcelService } from './excel/report-excel.service';

const PARTS = {
  entities: [ProgressReport, ReportFigure, ReportTotal],
  resolvers: [ReportsResolver, ReportListsResolver, QuarterPolicyResolver, PolicyPeriodResolver, PreviousReportResolver],
  loaders: reportsLoaders,
} satisfies FeatureParts;

@Module({
  controllers: [ReportExcelController],
  providers: [ReportExcelService, ReportsService, ReportListsService, ReportQuartersService, ...PARTS.resolvers],
})
export class ReportsModule {
  static readonly parts = PARTS;
}
