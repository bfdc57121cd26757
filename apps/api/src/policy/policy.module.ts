import { Global, Module } from '@nestjs/common';
import type { FeatureParts } from '../common/feature-parts';
import { AgencyAlias } from './agency-alias.entity';
import { Agency } from './agency.entity';
import { DraftVisibility } from './draft-visibility';
import { Measure } from './measure.entity';
import { PeriodExtension } from './period-extension.entity';
import { PolicyAdminResolver, ReportingPeriodResolver } from './policy-admin.resolver';
import { MeasureResolver, PolicyResolver, ResponsibilityResolver, SectionResolver, TargetResolver } from './policy.resolver';
import { PeriodService } from './period.service';
import { Policy } from './policy.entity';
import { policyLoaders } from './policy.loaders';
import { PolicyService } from './policy.service';
import { Quota } from './quota.entity';
import { QuotaService } from './quota.service';
import { ReportingPeriod } from './reporting-period.entity';
import { Responsibility } from './responsibility.entity';
import { Section } from './section.entity';
import { SimplifiedTextsResolver } from './simplified-texts.resolver';
import { Target } from './target.entity';
import { TrajectoryService } from './trajectory.service';
import { AgencyAliasResolver } from './agency-alias.resolver';
import { AgencyAliasService } from './agency-alias.service';
import { DraftCorrectionsService } from './draft-corrections.service';
import { DraftResolver } from './draft.resolver';
import { DraftTargetsService } from './draft-targets.service';
import { NoticeImportService } from './notice-import.service';
import { PublishService } from './publish.service';
import { TargetYearsScheduler } from './target-years.scheduler';
import { TargetYearsService } from './target-years.service';

const PARTS = {
  entities: [Policy, Section, Measure, Agency, Responsibility, Target, Quota, ReportingPeriod, PeriodExtension, AgencyAlias],
  resolvers: [
    PolicyResolver,
    SectionResolver,
    MeasureResolver,
    ResponsibilityResolver,
    TargetResolver,
    ReportingPeriodResolver,
    PolicyAdminResolver,
    SimplifiedTextsResolver,
    DraftResolver,
    AgencyAliasResolver,
  ],
  loaders: policyLoaders,
} satisfies FeatureParts;

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
    NoticeImportService,
    PublishService,
    DraftCorrectionsService,
    DraftTargetsService,
    AgencyAliasService,
    TargetYearsService,
    TargetYearsScheduler,
    ...PARTS.resolvers,
  ],
})
export class PolicyModule {
  static readonly parts = PARTS;
}
