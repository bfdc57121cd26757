import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProgressReport } from '../reports/progress-report.entity';

/** Evidence attached to a report; the bytes are in AttachmentStorage under `storageKey`. */
@ObjectType()
@Entity('report_attachment')
export class ReportAttachment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('report_attachment_report_idx')
  @Column('uuid', { name: 'report_id' })
  reportId!: string;

  @ManyToOne(() => ProgressReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: ProgressReport;

  @Field({ description: 'The name it was uploaded with' })
  @Column('text')
  filename!: string;

  @Field({ description: 'As detected from the content' })
  @Column('text', { name: 'content_type' })
  contentType!: string;

  @Field(() => Int)
  @Column('int', { name: 'size_bytes' })
  sizeBytes!: number;

  @Column('text')
  sha256!: string;

  @Column('text', { name: 'storage_key' })
  storageKey!: string;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'uploaded_by', nullable: true })
  uploadedBy!: string | null;

  @Field()
  @Column('timestamptz', { name: 'uploaded_at', default: () => 'now()' })
  uploadedAt!: Date;
}
