import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { SupervisionItemStatus } from '@luoshi/domain';
import { SupervisionItemStatusEnum } from '../common/graphql-enums';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agency } from '../policy/agency.entity';
import { Measure } from '../policy/measure.entity';
import { SupervisionReview } from './supervision-review.entity';

/** A follow-up item (督办事项): what the office asks one responsible unit to do about a measure, by when. */
@ObjectType()
@Entity('supervision_item')
@Index('supervision_item_review_idx', ['reviewId'])
@Index('supervision_item_agency_status_idx', ['agencyId', 'status'])
@Check('supervision_item_status_check', `"status" IN ('OPEN', 'RESPONDED', 'CLOSED')`)
export class SupervisionItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'review_id' })
  reviewId!: string;

  @ManyToOne(() => SupervisionReview, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'review_id' })
  review?: SupervisionReview;

  @Column('uuid', { name: 'measure_id' })
  measureId!: string;

  @ManyToOne(() => Measure, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'measure_id' })
  measure?: Measure;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Field(() => SupervisionItemStatusEnum)
  @Column('text', { default: 'OPEN' })
  status!: SupervisionItemStatus;

  @Field(() => Int)
  @Column('int', { default: 1 })
  version!: number;

  @Field({ description: 'What the office asks the unit to do' })
  @Column('text')
  request!: string;

  @Field({ description: 'ISO date (China time) the answer is due' })
  @Column('date', { name: 'due_on' })
  dueOn!: string;

  @Field(() => String, { nullable: true, description: 'The unit’s answer' })
  @Column('text', { nullable: true })
  response!: string | null;

  @Field()
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'responded_at', nullable: true })
  respondedAt!: Date | null;

  @Column('uuid', { name: 'responded_by', nullable: true })
  respondedBy!: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('uuid', { name: 'closed_by', nullable: true })
  closedBy!: string | null;
}
