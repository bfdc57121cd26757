import { Global, Module } from '@nestjs/common';
import { DraftVisibility } from './draft-visibility';
import { PolicyAdminResolver, ReportingPeriodResolver } from './policy-admin.resolver';
import { MeasureResolver, PolicyResolver, ResponsibilityResolver, SectionResolver, TargetResolver } from './policy.resolver';
import { PeriodService } from './period.service';
import { PolicyService } from './policy.service';
import { QuotaService } from './quota.service';
import { SimplifiedTextsResolver } from './simplified-texts.resolver';
import { TrajectoryService } from './trajectory.service';
import { AgencyAliasResolver } from './agency-alias.resolver';
import { AgencyAliasService } from './agency-alias.service';
import { DraftCorrectionsService } from './draft-corrections.service';
import { DraftResolver } from './draft.resolver';
import { DraftTargetsService } from './draft-targets.service';
import { NoticeImportService } from './notice-import.service';
import { PublishService } from './publish.service';

/** Global: every feature that takes a policy's id asks DraftVisibility whether the caller may see it. */
@Global()
@Module({
  exports: [DraftVisibility],
  providers: [
    DraftVisibility,
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
    NoticeImportService,
    PublishService,
    DraftCorrectionsService,
    DraftTargetsService,
    AgencyAliasService,
    DraftResolver,
    AgencyAliasResolver,
  ],
})
export class PolicyModule {}
