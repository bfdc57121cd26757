import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Rating } from '@luoshi/domain';
import { RatingEnum, ReportStatusEnum, ResponsibilityRoleEnum, UnitStatusEnum } from '../common/graphql-enums';
import { Agency } from '../policy/agency.entity';
import { Measure } from '../policy/measure.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { Target } from '../policy/target.entity';
import { TaskStateEnum, TaskState } from '../reports/report.models';

@ObjectType({ description: 'A target at a glance: where it stands against where it should be by now' })
export class TargetCard {
  @Field(() => Target) target!: Target;
  @Field(() => Float) achieved!: number;
  @Field(() => Float) pending!: number;
  @Field(() => Float) percent!: number;
  @Field(() => Float, { description: 'Share of the target expected by the period’s end (時間過半: 2024Q3 = 0.75)' }) expectedShare!: number;
  @Field(() => Float, { description: 'targetValue × expectedShare (for AT_MOST: the ceiling)' }) expectedValue!: number;
  @Field(() => RatingEnum) rating!: Rating;
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
}

@ObjectType()
export class MeasureStatus {
  @Field(() => Measure) measure!: Measure;
  @Field(() => RatingEnum, { nullable: true, description: 'From its targets’ figures against the trajectory; null for a measure without targets' }) rating!: Rating | null;
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
}

@ObjectType()
export class PolicyOverview {
  @Field(() => ReportingPeriod) period!: ReportingPeriod;
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
