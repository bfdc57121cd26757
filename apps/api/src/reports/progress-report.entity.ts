import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportStatus, UnitStatus } from '@luoshi/domain';
import { ReportStatusEnum, UnitStatusEnum } from '../common/graphql-enums';
import { Agency } from '../policy/agency.entity';
import { Measure } from '../policy/measure.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';

/** What one unit reports on one measure for one quarter. */
@ObjectType()
@Entity('progress_report')
@Index('progress_report_measure_agency_period_key', ['measureId', 'agencyId', 'periodId'], { unique: true })
@Index('progress_report_period_status_idx', ['periodId', 'status'])
@Check('progress_report_status_check', `"status" IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')`)
@Check('progress_report_unit_status_check', `"unit_status" IN ('ON_TRACK', 'AT_RISK', 'BEHIND', 'DONE')`)
@Check('progress_report_version_check', `"version" >= 1`)
export class ProgressReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'measure_id' })
  measureId!: string;

  @ManyToOne(() => Measure, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'measure_id' })
  measure?: Measure;

  @Index('progress_report_agency_idx')
  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Column('uuid', { name: 'period_id' })
  periodId!: string;

  @ManyToOne(() => ReportingPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: ReportingPeriod;

  @Field(() => ReportStatusEnum)
  @Column('text', { default: 'DRAFT' })
  status!: ReportStatus;

  /** Raised by one on every change; a write naming another version is refused (CONFLICT). */
  @Field(() => Int)
  @Column('int', { default: 1 })
  version!: number;

  @Field({ description: 'What was done in the period' })
  @Column('text', { default: '' })
  progress!: string;

  @Field({ description: 'Problems met' })
  @Column('text', { default: '' })
  problems!: string;

  @Field({ description: 'Next steps' })
  @Column('text', { name: 'next_steps', default: '' })
  nextSteps!: string;

  @Field(() => UnitStatusEnum, { nullable: true })
  @Column('text', { name: 'unit_status', nullable: true })
  unitStatus!: UnitStatus | null;

  @Field(() => String, { nullable: true, description: 'The office’s comment on its last review (required when returned)' })
  @Column('text', { name: 'review_comment', nullable: true })
  reviewComment!: string | null;

  @Field()
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Field()
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The first submission: on time or late is judged by it, even after a return' })
  @Column('timestamptz', { name: 'first_submitted_at', nullable: true })
  firstSubmittedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'reviewed_at', nullable: true })
  reviewedAt!: Date | null;
}
