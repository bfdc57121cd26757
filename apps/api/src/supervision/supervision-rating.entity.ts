import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Rating } from '@luoshi/domain';
import { Measure } from '../policy/measure.entity';
import { SupervisionReview } from './supervision-review.entity';

/**
 * What is stored of a measure's rating in a review. While the review is OPEN the computed rating is
 * worked out afresh on every read (reports keep arriving); finalizing freezes it here, so a sent
 * review pack never changes. The office's own rating and reason live here from `rateMeasure` on.
 */
@Entity('supervision_rating')
@Check(
  'supervision_rating_colours_check',
  `"computed_rating" IN ('GREEN', 'YELLOW', 'RED') AND ("rating" IS NULL OR "rating" IN ('GREEN', 'YELLOW', 'RED'))`,
)
@Check('supervision_rating_reason_check', `"rating" IS NULL OR length(btrim("reason")) > 0`)
export class SupervisionRating {
  @PrimaryColumn('uuid', { name: 'review_id' })
  reviewId!: string;

  @ManyToOne(() => SupervisionReview, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'review_id' })
  review?: SupervisionReview;

  @PrimaryColumn('uuid', { name: 'measure_id' })
  measureId!: string;

  @ManyToOne(() => Measure, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'measure_id' })
  measure?: Measure;

  /** The rule's colour when last stored (at rating time, then frozen at finalizing). */
  @Column('text', { name: 'computed_rating' })
  computedRating!: Rating;

  /** Why the rule gives that colour, as stored with it. */
  @Column('text', { name: 'computed_reason', default: '' })
  computedReason!: string;

  /** The office's judgement; null = it agrees with the computed rating. */
  @Column('text', { nullable: true })
  rating!: Rating | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('int', { default: 1 })
  version!: number;

  @Column('uuid', { name: 'rated_by', nullable: true })
  ratedBy!: string | null;

  @Column('timestamptz', { name: 'rated_at', nullable: true })
  ratedAt!: Date | null;
}
