import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** One county's share in a set of quotas (setQuotas). */
@InputType()
export class QuotaInput {
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
export class SetQuotasArgs {
  @Field(() => ID)
  @IsString()
  targetId!: string;

  @Field(() => [QuotaInput], { description: 'The whole set: counties left out have no quota afterwards' })
  @IsArray()
  @ArrayMaxSize(50, { message: '分解的县(市、区)过多' })
  @ValidateNested({ each: true })
  @Type(() => QuotaInput)
  quotas!: QuotaInput[];

  @Field(() => Boolean, { nullable: true, description: 'Save a set whose sum falls short of the city’s target (otherwise refused)' })
  @IsOptional()
  @IsBoolean()
  allowShortfall?: boolean | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class SetPeriodExtensionArgs {
  @Field(() => ID)
  @IsString()
  periodId!: string;

  @Field(() => ID, { description: 'The unit whose reports get the later due date' })
  @IsString()
  agencyId!: string;

  @Field({ description: 'The unit’s own due date (ISO date), after the period’s' })
  @Matches(ISO_DATE, { message: '延期截止日期格式须为 YYYY-MM-DD' })
  dueOn!: string;

  @Field({ description: 'Why the unit is given more time (kept in the audit)' })
  @IsString()
  @MaxLength(500, { message: '延期原因不能超过500字' })
  reason!: string;
}

@ArgsType()
export class RemovePeriodExtensionArgs {
  @Field(() => ID)
  @IsString()
  periodId!: string;

  @Field(() => ID)
  @IsString()
  agencyId!: string;

  @Field({ description: 'Why the extension is withdrawn (kept in the audit)' })
  @IsString()
  @MaxLength(500, { message: '原因不能超过500字' })
  reason!: string;
}
