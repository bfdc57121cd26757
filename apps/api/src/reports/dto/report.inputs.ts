import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
  Max,
} from 'class-validator';
import { REVIEW_DECISIONS, ReviewDecision, UNIT_STATUSES, UnitStatus } from '@luoshi/domain';
import { ReviewDecisionEnum, UnitStatusEnum } from '../../common/graphql-enums';

/** Long enough for a thorough quarterly account, short enough that nobody pastes a book. */
export const MAX_TEXT = 20_000;

@InputType()
export class FigureInput {
  @Field(() => ID)
  @IsString()
  targetId!: string;

  @Field(() => ID, { description: 'An agency of kind COUNTY' })
  @IsString()
  countyId!: string;

  @Field(() => Float, { description: 'Achieved within the period (not a running total); 0 or more' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '数据须为有效数字' })
  @Min(0, { message: '数据不能为负数' })
  @Max(1e12, { message: '数据过大' })
  value!: number;
}

@InputType()
export class SaveProgressReportInput {
  @Field(() => ID, { nullable: true, description: 'Absent: create a DRAFT. Present (with version): update it.' })
  @IsOptional()
  @IsString()
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version read; required with id' })
  @IsOptional()
  @IsInt()
  version?: number | null;

  @Field(() => ID, { nullable: true, description: 'Required when creating' })
  @IsOptional()
  @IsString()
  measureId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required when creating' })
  @IsOptional()
  @IsString()
  periodId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required when creating' })
  @IsOptional()
  @IsString()
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'What was done' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT, { message: `工作进展不能超过 ${MAX_TEXT} 字` })
  progress?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT, { message: `存在问题不能超过 ${MAX_TEXT} 字` })
  problems?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT, { message: `下一步计划不能超过 ${MAX_TEXT} 字` })
  nextSteps?: string | null;

  @Field(() => UnitStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(UNIT_STATUSES)
  unitStatus?: UnitStatus | null;

  @Field(() => [FigureInput], { nullable: true, description: 'The whole set of figures (replaces the saved one); absent: keep them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => FigureInput)
  values?: FigureInput[] | null;
}

@ArgsType()
export class SubmitProgressReportArgs {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field(() => Int)
  @IsInt()
  version!: number;
}

@ArgsType()
export class ReviewProgressReportArgs extends SubmitProgressReportArgs {
  @Field(() => ReviewDecisionEnum)
  @IsIn(REVIEW_DECISIONS)
  decision!: ReviewDecision;

  @Field(() => String, { nullable: true, description: 'Required when returning' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  comment?: string | null;
}

/** At most this many reports in one 批量通过 (one page of the queue, with room). */
export const MAX_BATCH_REVIEW = 200;

@InputType({ description: 'A report and the version the office read' })
export class ReportVersionInput {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field(() => Int)
  @IsInt()
  version!: number;
}

@ArgsType()
export class AcceptProgressReportsArgs {
  @Field(() => [ReportVersionInput], { description: `The reports to accept, each with the version read (1 to ${MAX_BATCH_REVIEW})` })
  @IsArray()
  @ArrayMinSize(1, { message: '请至少选择一份报告' })
  @ArrayMaxSize(MAX_BATCH_REVIEW, { message: `一次最多批量通过 ${MAX_BATCH_REVIEW} 份报告` })
  @ValidateNested({ each: true })
  @Type(() => ReportVersionInput)
  reports!: ReportVersionInput[];
}
