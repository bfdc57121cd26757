import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Rating } from '@luoshi/domain';
import { RatingEnum, ReportStatusEnum, ResponsibilityRoleEnum, UnitStatusEnum } from '../common/graphql-enums';
import { Agency } from '../policy/agency.entity';
import { Measure } from '../policy/measure.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { Target } from '../policy/target.entity';
import { TaskStateEnum, TaskState } from '../reports/report.models';

/** Whose figures the target cards show: the whole city, or one county against its quota. */
export type OverviewScope = 'CITY' | 'COUNTY';
export const OverviewScopeEnum = { CITY: 'CITY', COUNTY: 'COUNTY' } as const;
registerEnumType(OverviewScopeEnum, {
  name: 'OverviewScope',
  description: 'CITY: the target cards are city-wide; COUNTY: one county’s figures against its quota',
});

@ObjectType({ description: 'A target at a glance: where it stands against where it should be by now (city-wide, or one county’s share)' })
export class TargetCard {
  @Field(() => Target) target!: Target;
  @Field(() => OverviewScopeEnum, {
    description: 'CITY: city-wide figures against the target; COUNTY: the county’s figures (targetProgress byCounty) against its quota',
  })
  scope!: OverviewScope;
  @Field(() => Agency, { nullable: true, description: 'The county in COUNTY scope' }) county!: Agency | null;
  @Field(() => Float) achieved!: number;
  @Field(() => Float) pending!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'What achieved is held against: the target value city-wide; in county scope the county’s quota (AT_MOST: the ceiling where no quota is set); null for a county without a quota',
  })
  goal!: number | null;
  @Field(() => Float, { nullable: true, description: 'achieved against goal (as targetProgress computes it); null where there is no goal' })
  percent!: number | null;
  @Field(() => Float, { description: 'Share of the target expected by the period’s end (時間過半: 2024Q3 = 0.75)' }) expectedShare!: number;
  @Field(() => Float, { nullable: true, description: 'goal × expectedShare (for AT_MOST: the ceiling); null where there is no goal' })
  expectedValue!: number | null;
  @Field(() => RatingEnum, {
    nullable: true,
    description: 'Against goal × expectedShare; null where there is no goal (a county without a quota)',
  })
  rating!: Rating | null;
  @Field({
    description:
      'At least one accepted figure in scope. false: achieved reads 0 but nothing is accepted yet (for AT_MOST: no data, not a level of 0)',
  })
  hasFigure!: boolean;
}

@ObjectType({ description: 'One responsible unit on one measure for the period' })
export class UnitReportStatus {
  @Field(() => Agency) agency!: Agency;
  @Field(() => ResponsibilityRoleEnum) role!: 'LEAD' | 'CO';
  @Field(() => TaskStateEnum) state!: TaskState;
  @Field(() => UnitStatusEnum, { nullable: true }) unitStatus!: string | null;
  @Field(() => ID, { nullable: true }) reportId!: string | null;
  @Field(() => Date, { nullable: true }) firstSubmittedAt!: Date | null;
  @Field({ description: 'Submitted (first time) by the end of the due date, China time' }) onTime!: boolean;
  @Field({ description: 'Not submitted and the due date has passed' }) overdue!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The unit’s own later due date (延期), by which onTime and overdue are judged; null: the period’s',
  })
  extendedDueOn!: string | null;
}

@ObjectType()
export class MeasureStatus {
  @Field(() => Measure) measure!: Measure;
  @Field(() => RatingEnum, {
    nullable: true,
    description: 'From its targets’ figures against the trajectory; null for a measure without targets',
  })
  rating!: Rating | null;
  @Field(() => [UnitReportStatus]) units!: UnitReportStatus[];
  @Field(() => Date, { nullable: true, description: 'The latest submission of any unit for the period' }) lastReportAt!: Date | null;
  @Field(() => Int, { description: 'Responsible units that have not submitted for the period' }) missing!: number;
}

@ObjectType({ description: 'How a unit reported in the period: its measures on time, late, or not at all' })
export class UnitCompliance {
  @Field(() => Agency) agency!: Agency;
  @Field(() => Int) onTime!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int) missing!: number;
  @Field(() => Int) total!: number;
  @Field(() => Float, { description: 'onTime / total' }) onTimeRate!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The unit’s own later due date for the period (延期): its reports are judged by it; null: the period’s',
  })
  extendedDueOn!: string | null;
}

@ObjectType()
export class PolicyOverview {
  @Field(() => ReportingPeriod) period!: ReportingPeriod;
  @Field(() => OverviewScopeEnum, {
    description:
      'Whose figures the target cards are: CITY, or COUNTY (the county asked for). The measures and compliance are always policy-wide',
  })
  scope!: OverviewScope;
  @Field(() => Agency, { nullable: true, description: 'The county of the target cards in COUNTY scope' }) county!: Agency | null;
  @Field(() => [TargetCard]) targets!: TargetCard[];
  @Field(() => [MeasureStatus]) measures!: MeasureStatus[];
  @Field(() => [UnitCompliance], { description: 'Best first' }) compliance!: UnitCompliance[];
  @Field({ description: 'Any report submitted for the period' }) hasReports!: boolean;
}

@ObjectType()
export class TrendPoint {
  @Field(() => ReportingPeriod) period!: ReportingPeriod;
  @Field(() => Float, { description: 'Accepted within the period (AT_MOST: the highest accepted level, 0 when none)' }) achieved!: number;
  @Field(() => Float, { description: 'Accepted from the start of the target’s year to the period’s end' }) cumulative!: number;
  @Field(() => Float, { description: 'The trajectory: targetValue × the share of the year elapsed' }) expected!: number;
}

@ObjectType()
export class TargetTrend {
  @Field(() => Target) target!: Target;
  @Field(() => [TrendPoint]) points!: TrendPoint[];
}

@ObjectType({ description: 'An accepted figure behind a number on the dashboard' })
export class FigureSource {
  @Field(() => ID) reportId!: string;
  @Field(() => Agency) agency!: Agency;
  @Field(() => Agency) county!: Agency;
  @Field(() => ReportingPeriod) period!: ReportingPeriod;
  @Field(() => Float) value!: number;
  @Field(() => ReportStatusEnum) status!: string;
}
