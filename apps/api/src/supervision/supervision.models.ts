import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Rating, RatingChange } from '@luoshi/domain';
import { RatingChangeEnum, RatingEnum } from '../common/graphql-enums';
import { Measure } from '../policy/measure.entity';

@ObjectType({ description: 'One measure’s rating in a supervision review' })
export class MeasureRating {
  measureId!: string;

  @Field(() => Measure) measure?: Measure;

  @Field(() => RatingEnum, {
    description: '時間過半、任務過半 (see the README for measures without targets); frozen when the review is finalized',
  })
  computedRating!: Rating;

  @Field({ description: 'Why the computed rating is what it is' })
  explanation!: string;

  @Field(() => RatingEnum, { description: 'The office’s rating: the computed one until rateMeasure sets it' })
  rating!: Rating;

  @Field(() => String, { nullable: true, description: 'The office’s reason; null until rateMeasure' })
  reason!: string | null;

  @Field({ description: 'The office set its own rating (it may still equal the computed one)' })
  overridden!: boolean;

  @Field(() => Int, { description: '0 until first rated; pass it to rateMeasure' })
  version!: number;

  @Field(() => Date, { nullable: true }) ratedAt!: Date | null;

  @Field(() => RatingEnum, {
    nullable: true,
    description: 'The rating of the previous quarter (its review’s, or computed where it had none)',
  })
  previousRating!: Rating | null;

  @Field(() => RatingChangeEnum)
  change!: RatingChange;

  @Field({ description: 'RED this quarter and the one before' })
  redTwoQuarters!: boolean;
}

@ObjectType({ description: 'Counts for the head of a review' })
export class SupervisionSummary {
  @Field(() => Int) green!: number;
  @Field(() => Int) yellow!: number;
  @Field(() => Int) red!: number;
  @Field(() => Int) overridden!: number;
  @Field(() => Int) improved!: number;
  @Field(() => Int) slipped!: number;
  @Field(() => Int) redTwoQuarters!: number;
  @Field(() => Int, { description: 'Items of this review not yet closed' }) openItems!: number;
  @Field(() => Int, { description: 'Items of earlier reviews not yet closed' }) carriedOverItems!: number;
}
