import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Agency } from './agency.entity';
import { CountyQuota } from './county-quota.model';
import { ReportingPeriod } from './reporting-period.entity';
import { Target } from './target.entity';

@ObjectType({ description: 'A target’s quotas after setQuotas' })
export class QuotaSet {
  @Field(() => Target) target!: Target;
  @Field(() => Float, { description: 'The quotas’ total' }) sum!: number;
  @Field(() => Float, { description: 'What is left of the city’s target: targetValue − sum, at least 0' }) shortfall!: number;
  @Field(() => [CountyQuota], { description: 'Every county; quota null where none is set' }) byCounty!: CountyQuota[];
}

@ObjectType({ description: 'One county in the quota table, with last year’s figures as a starting point' })
export class QuotaTableRow {
  @Field(() => Agency) county!: Agency;
  @Field(() => Float, { nullable: true, description: 'Its quota now; null where none is set' }) quota!: number | null;
  @Field(() => Float, { nullable: true, description: 'Its quota of last year’s target (previousTarget); null where none' }) previousQuota!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'What it achieved (accepted) of last year’s target; null without a previous target' })
  previousAchieved!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'previousAchieved as a share (0–1) of all counties’ achievement; null where nothing was achieved',
  })
  previousShare!: number | null;
}

@ObjectType({ description: 'A target’s split across the counties, for the office’s 任务分解 page' })
export class QuotaTable {
  @Field(() => Target) target!: Target;
  @Field(() => Target, {
    nullable: true,
    description: 'Last year’s target of the same name (the same policy first, else the latest notice), if any',
  })
  previousTarget!: Target | null;
  @Field(() => [QuotaTableRow], { description: 'Every county, by division code' }) rows!: QuotaTableRow[];
  @Field(() => Float) sum!: number;
  @Field(() => Float, { description: 'targetValue − sum, at least 0' }) shortfall!: number;
}

@ObjectType({ description: 'A change to a period’s due dates, from the audit: who, when, why' })
export class PeriodChange {
  @Field(() => Date) at!: Date;
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field({ description: 'DUE_DATE (the period’s), EXTENSION_SET or EXTENSION_REMOVED (one unit’s)' }) kind!: string;
  @Field(() => Agency, { nullable: true, description: 'The unit, for an extension' }) agency!: Agency | null;
  @Field(() => String, { nullable: true }) dueOnBefore!: string | null;
  @Field(() => String, { nullable: true }) dueOnAfter!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType({ description: 'A unit’s own later due date for a period (延期)' })
export class PeriodExtensionView {
  @Field(() => ID) periodId!: string;
  @Field(() => Agency) agency!: Agency;
  @Field({ description: 'The unit’s due date (ISO date)' }) dueOn!: string;
  @Field() reason!: string;
  @Field(() => Date, { description: 'When it was last set' }) updatedAt!: Date;
}

@ObjectType({ description: 'A period as the office manages it: due date, units’ extensions, change history' })
export class PeriodSettings {
  @Field(() => ID) id!: string;
  @Field(() => ReportingPeriod) period!: ReportingPeriod;
  @Field(() => [PeriodExtensionView], { description: 'By unit' }) extensions!: PeriodExtensionView[];
  @Field(() => [PeriodChange], { description: 'Newest first' }) changes!: PeriodChange[];
}
