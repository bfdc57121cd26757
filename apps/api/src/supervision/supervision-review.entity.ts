import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { SupervisionReviewStatus } from '@luoshi/domain';
import { SupervisionReviewStatusEnum } from '../common/graphql-enums';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Policy } from '../policy/policy.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';

/** The office's quarterly supervision review (督查) of one policy for one period. */
@ObjectType()
@Entity('supervision_review')
@Index('supervision_review_policy_period_key', ['policyId', 'periodId'], { unique: true })
@Check('supervision_review_status_check', `"status" IN ('OPEN', 'FINAL')`)
export class SupervisionReview {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'policy_id' })
  policyId!: string;

  @ManyToOne(() => Policy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_id' })
  policy?: Policy;

  @Column('uuid', { name: 'period_id' })
  periodId!: string;

  @ManyToOne(() => ReportingPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: ReportingPeriod;

  @Field(() => SupervisionReviewStatusEnum)
  @Column('text', { default: 'OPEN' })
  status!: SupervisionReviewStatus;

  /** Raised by one on every change to the review, its ratings or its items. */
  @Field(() => Int)
  @Column('int', { default: 1 })
  version!: number;

  @Field()
  @Column('timestamptz', { name: 'opened_at', default: () => 'now()' })
  openedAt!: Date;

  @Column('uuid', { name: 'opened_by', nullable: true })
  openedBy!: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'finalized_at', nullable: true })
  finalizedAt!: Date | null;

  @Column('uuid', { name: 'finalized_by', nullable: true })
  finalizedBy!: string | null;
}
