import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import type { Rating, SupervisionItemStatus } from '@luoshi/domain';
import { SUPERVISION_ITEM_STATUSES } from '@luoshi/domain';
import { RatingEnum, SupervisionItemStatusEnum } from '../../common/graphql-enums';

/** A reason, a request or an answer: a few paragraphs at most. */
export const MAX_SUPERVISION_TEXT = 4000;

@ArgsType()
export class OpenSupervisionReviewArgs {
  @Field(() => ID) @IsString() policyId!: string;
  @Field(() => ID) @IsString() periodId!: string;
}

@ArgsType()
export class RateMeasureArgs {
  @Field(() => ID) @IsString() reviewId!: string;
  @Field(() => ID) @IsString() measureId!: string;

  @Field(() => RatingEnum)
  @IsIn(['GREEN', 'YELLOW', 'RED'])
  rating!: Rating;

  @Field({ description: 'Why the office rates it so; required, not blank' })
  @IsString()
  @MaxLength(MAX_SUPERVISION_TEXT, { message: `理由不能超过 ${MAX_SUPERVISION_TEXT} 字` })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'The rating’s version read (0 if never rated); a stale one is refused with CONFLICT' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number | null;
}

@InputType()
export class AddSupervisionItemInput {
  @Field(() => ID) @IsString() reviewId!: string;
  @Field(() => ID) @IsString() measureId!: string;

  @Field(() => ID, { description: 'A unit responsible for the measure' })
  @IsString()
  agencyId!: string;

  @Field({ description: 'What the unit is asked to do' })
  @IsString()
  @MaxLength(MAX_SUPERVISION_TEXT, { message: `督办要求不能超过 ${MAX_SUPERVISION_TEXT} 字` })
  request!: string;

  @Field({ description: 'ISO date, e.g. 2024-11-15' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '办理期限须为日期，格式如 2024-11-15' })
  dueOn!: string;
}

@ArgsType()
export class RespondSupervisionItemArgs {
  @Field(() => ID) @IsString() id!: string;

  @Field()
  @IsString()
  @MaxLength(MAX_SUPERVISION_TEXT, { message: `答复不能超过 ${MAX_SUPERVISION_TEXT} 字` })
  response!: string;

  @Field(() => Int, { nullable: true, description: 'The item’s version read; a stale one is refused with CONFLICT' })
  @IsOptional()
  @IsInt()
  version?: number | null;
}

@ArgsType()
export class SupervisionItemsArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() reviewId?: string | null;

  @Field(() => ID, { nullable: true, description: 'One policy’s items; absent: every PUBLISHED policy’s' })
  @IsOptional()
  @IsString()
  policyId?: string | null;

  @Field(() => SupervisionItemStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(SUPERVISION_ITEM_STATUSES)
  status?: SupervisionItemStatus | null;
}
