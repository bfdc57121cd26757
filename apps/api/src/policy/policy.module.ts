import { Module } from '@nestjs/common';
import { PolicyAdminResolver, ReportingPeriodResolver } from './policy-admin.resolver';
import { MeasureResolver, PolicyResolver, ResponsibilityResolver, SectionResolver, TargetResolver } from './policy.resolver';
import { PeriodService } from './period.service';
import { PolicyService } from './policy.service';
import { QuotaService } from './quota.service';
import { SimplifiedTextsResolver } from './simplified-texts.resolver';
import { TrajectoryService } from './trajectory.service';

@Module({
  providers: [
    PolicyService,
    QuotaService,
    TrajectoryService,
    PeriodService,
    PolicyResolver,
    SectionResolver,
    MeasureResolver,
    ResponsibilityResolver,
    TargetResolver,
    ReportingPeriodResolver,
    PolicyAdminResolver,
    SimplifiedTextsResolver,
  ],
})
export class PolicyModule {}
