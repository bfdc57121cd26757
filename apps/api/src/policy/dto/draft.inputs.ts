import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { RESPONSIBILITY_ROLES, ResponsibilityRole, TARGET_DIRECTIONS, TargetDirection } from '@luoshi/domain';
import { ResponsibilityRoleEnum, TargetDirectionEnum } from '../../common/graphql-enums';

/** Inputs of the corrections the office makes to an imported notice before publishing it. */

const VERSION_MESSAGE = 'version 须为正整数(草稿最后读到的版本)';
const ROLE_MESSAGE = '职责须为 LEAD(牵头)或 CO(配合)';
const DIRECTION_MESSAGE = '方向须为 AT_LEAST(不少于)或 AT_MOST(不超过)';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Years a target may count in: those a notice of our time speaks of. */
export const MIN_TARGET_YEAR = 2000;
export const MAX_TARGET_YEAR = 2100;

const TEXT = (max: number, what: string) => [
  IsString({ message: `${what}须为文字` }),
  MinLength(1, { message: `${what}不能为空` }),
  MaxLength(max, { message: `${what}不能超过 ${max} 个字符` }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

const Version = () =>
  apply([
    Field(() => Int, { description: 'The policy’s version as last read; stale: CONFLICT' }),
    IsInt({ message: VERSION_MESSAGE }),
    Min(1, { message: VERSION_MESSAGE }),
  ]);
const Id = (description?: string) => apply([Field(() => ID, description ? { description } : undefined), IsString()]);
const TargetValue = (optional: boolean) =>
  apply([
    Field(() => Float, { nullable: optional }),
    ...(optional ? [IsOptional()] : []),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: '目标值须为有效数字' }),
    Min(0, { message: '目标值不能为负数' }),
    Max(1e12, { message: '目标值过大' }),
  ]);

@InputType()
export class UpdateDraftPolicyInput {
  @Id() id!: string;
  @Version() version!: number;

  @Field(() => String, { nullable: true, description: 'The document number (文号), e.g. 江人社〔2025〕3号' })
  @IsOptional()
  @apply(TEXT(100, '文号'))
  docNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @apply(TEXT(300, '标题'))
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The issuing office (发文机关)' })
  @IsOptional()
  @apply(TEXT(200, '发文机关'))
  issuer?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date (2025-03-01); confirms the date' })
  @IsOptional()
  @IsString()
  @Matches(ISO_DATE, { message: '成文日期格式须为 YYYY-MM-DD' })
  issuedOn?: string | null;
}

@InputType()
export class UpdateDraftMeasureInput {
  @Id() measureId!: string;
  @Version() version!: number;

  @Field()
  @apply(TEXT(300, '措施标题'))
  title!: string;
}

@InputType()
export class SetDraftResponsibilityInput {
  @Id() measureId!: string;
  @Version() version!: number;
  @Id() agencyId!: string;

  @Field(() => ResponsibilityRoleEnum)
  @IsIn(RESPONSIBILITY_ROLES, { message: ROLE_MESSAGE })
  role!: ResponsibilityRole;
}

@InputType()
export class RemoveDraftResponsibilityInput {
  @Id() measureId!: string;
  @Version() version!: number;
  @Id() agencyId!: string;
}

@InputType()
export class MapDraftAgencyInput {
  @Id() policyId!: string;
  @Version() version!: number;
  @Id('The unit the draft names now (usually one the import created)') fromAgencyId!: string;
  @Id('The existing unit it stands for') toAgencyId!: string;

  @Field(() => Boolean, { nullable: true, description: 'Also remember fromAgency’s name as an alias of toAgency for later imports' })
  @IsOptional()
  @IsBoolean({ message: 'remember 须为 true 或 false' })
  remember?: boolean | null;
}

@InputType()
export class AddDraftTargetInput {
  @Id() measureId!: string;
  @Version() version!: number;

  @Field()
  @apply(TEXT(100, '指标名称'))
  name!: string;

  @Field()
  @apply(TEXT(20, '计量单位'))
  unit!: string;

  @TargetValue(false) targetValue!: number;

  @Field(() => TargetDirectionEnum)
  @IsIn(TARGET_DIRECTIONS, { message: DIRECTION_MESSAGE })
  direction!: TargetDirection;

  @Field(() => [Int], { description: 'One target per year (每年 targets: each year of the notice’s span)' })
  @IsArray()
  @ArrayMinSize(1, { message: '至少选一个年度' })
  @ArrayMaxSize(20, { message: '年度过多(最多 20 个)' })
  @Type(() => Number)
  @IsInt({ each: true, message: '年度须为整数' })
  @Min(MIN_TARGET_YEAR, { each: true, message: `年度须在 ${MIN_TARGET_YEAR}-${MAX_TARGET_YEAR} 之间` })
  @Max(MAX_TARGET_YEAR, { each: true, message: `年度须在 ${MIN_TARGET_YEAR}-${MAX_TARGET_YEAR} 之间` })
  years!: number[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'The target recurs every year (每年): after publishing, each new year gets its own (default: more than one year chosen)',
  })
  @IsOptional()
  @IsBoolean({ message: 'everyYear 须为 true 或 false' })
  everyYear?: boolean | null;
}

@InputType()
export class UpdateDraftTargetInput {
  @Id() targetId!: string;
  @Version() version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @apply(TEXT(100, '指标名称'))
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @apply(TEXT(20, '计量单位'))
  unit?: string | null;

  @TargetValue(true) targetValue?: number | null;

  @Field(() => TargetDirectionEnum, { nullable: true })
  @IsOptional()
  @IsIn(TARGET_DIRECTIONS, { message: DIRECTION_MESSAGE })
  direction?: TargetDirection | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: '年度须为整数' })
  @Min(MIN_TARGET_YEAR, { message: `年度须在 ${MIN_TARGET_YEAR}-${MAX_TARGET_YEAR} 之间` })
  @Max(MAX_TARGET_YEAR, { message: `年度须在 ${MIN_TARGET_YEAR}-${MAX_TARGET_YEAR} 之间` })
  year?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'The target recurs every year (每年)' })
  @IsOptional()
  @IsBoolean({ message: 'everyYear 须为 true 或 false' })
  everyYear?: boolean | null;
}

@InputType()
export class RemoveDraftTargetInput {
  @Id() targetId!: string;
  @Version() version!: number;
}
