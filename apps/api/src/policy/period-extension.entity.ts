import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Agency } from './agency.entity';
import { ReportingPeriod } from './reporting-period.entity';

/**
 * One unit's own, later due date for a period (延期): the dashboard's compliance, chasing and the
 * review's "late" rule judge that unit's reports by it. Who set it and when is in the audit.
 */
@Entity('period_extension')
@Check('period_extension_reason_check', `length("reason") > 0`)
export class PeriodExtension {
  @PrimaryColumn('uuid', { name: 'period_id' })
  periodId!: string;

  @ManyToOne(() => ReportingPeriod, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: ReportingPeriod;

  @Index('period_extension_agency_idx')
  @PrimaryColumn('uuid', { name: 'agency_id' })
  agencyId!: string;

  // CASCADE: an extension means nothing without its unit (a unit merged away takes it along).
  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Column('date', { name: 'due_on' })
  dueOn!: string;

  @Column('text')
  reason!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
