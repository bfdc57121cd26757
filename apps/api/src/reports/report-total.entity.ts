import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numericToNumber } from '../database/column-transformers';

/**
 * Running sums of report figures by (target, county, period, report status), kept in the same
 * transaction as every change to a report or its figures (delta upserts, so concurrent writers
 * add up instead of overwriting). targetProgress and the dashboard read these few rows instead of
 * aggregating every figure; a reconciliation test holds them equal to a sum over the figures.
 */
@Entity('report_total')
// targetProgress reads by (target, period): the primary key's order (target, county, …) made that a skip scan.
@Index('report_total_target_period_idx', ['targetId', 'periodId', 'status'])
@Check('report_total_status_check', `"status" IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')`)
export class ReportTotal {
  @PrimaryColumn('uuid', { name: 'target_id' })
  targetId!: string;

  @PrimaryColumn('uuid', { name: 'county_id' })
  countyId!: string;

  @PrimaryColumn('uuid', { name: 'period_id' })
  periodId!: string;

  @PrimaryColumn('text')
  status!: string;

  @Column('numeric', { default: 0, transformer: numericToNumber })
  total!: number;

  /** How many figures make up the total (a row at 0 figures means nothing is reported). */
  @Column('int', { default: 0 })
  figures!: number;
}
