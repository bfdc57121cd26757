import { ArgsType, Field, Float, ID, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AgencyKindEnum } from '../../common/graphql-enums';
import type { AgencyKind } from '@luoshi/domain';

@ArgsType()
export class SetQuotaArgs {
  @Field(() => ID)
  @IsString()
  targetId!: string;

  @Field(() => ID, { description: 'An agency of kind COUNTY' })
  @IsString()
  countyId!: string;

  @Field(() => Float, { description: 'The county’s share of the target; 0 or more' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '分解指标须为有效数字' })
  @Min(0, { message: '分解指标不能为负数' })
  @Max(1e12, { message: '分解指标过大' })
  value!: number;
}

@ArgsType()
export class AgenciesArgs {
  @Field(() => AgencyKindEnum, { nullable: true })
  @IsOptional()
  kind?: AgencyKind;

  @Field({ nullable: true, description: 'Part of the name, in traditional or simplified characters' })
  @IsOptional()
  @IsString()
  search?: string;

  @Field({ defaultValue: false, description: 'Inactive and merged units too (the office’s unit list); active units only by default' })
  @IsOptional()
  @IsBoolean()
  includeInactive?: boolean;
}

@ArgsType()
export class UpdateReportingPeriodArgs {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field({ description: 'New due date (ISO date, 2024-10-10)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '截止日期格式须为 YYYY-MM-DD' })
  dueOn!: string;

  @Field(() => String, { nullable: true, description: 'Why the date moves: kept in the audit with who and when' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '调整原因不能超过500字' })
  reason?: string | null;
}

@ArgsType()
export class SetTargetTrajectoryArgs {
  @Field(() => ID)
  @IsString()
  targetId!: string;

  @Field(() => [Float], {
    nullable: true,
    description: 'Cumulative shares by quarter, 4 values from 0 to 1 ending at 1; null or empty = back to linear',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true, message: '进度安排须为数字' })
  shares?: number[] | null;
}

@ArgsType()
export class SetTargetValueArgs {
  @Field(() => ID)
  @IsString()
  targetId!: string;

  @Field(() => Float, { description: 'The year’s target value; 0 or more' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '目标值须为有效数字' })
  @Min(0, { message: '目标值不能为负数' })
  @Max(1e12, { message: '目标值过大' })
  targetValue!: number;

  @Field(() => Int, { description: 'The target’s version as last read; stale: CONFLICT' })
  @IsInt({ message: 'version 须为正整数(最后读到的版本)' })
  @Min(1, { message: 'version 须为正整数(最后读到的版本)' })
  version!: number;
}
