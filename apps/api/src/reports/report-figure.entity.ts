import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { numericToNumber } from '../database/column-transformers';
import { Agency } from '../policy/agency.entity';
import { Target } from '../policy/target.entity';
import { ProgressReport } from './progress-report.entity';

/** One figure of a report: what a county achieved on a target within the period (not a running total). */
@Entity('report_figure')
@Index('report_figure_target_county_idx', ['targetId', 'countyId'])
@Check('report_figure_value_check', `"value" >= 0`)
export class ReportFigure {
  @PrimaryColumn('uuid', { name: 'report_id' })
  reportId!: string;

  @ManyToOne(() => ProgressReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: ProgressReport;

  @PrimaryColumn('uuid', { name: 'target_id' })
  targetId!: string;

  @ManyToOne(() => Target, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'target_id' })
  target?: Target;

  @PrimaryColumn('uuid', { name: 'county_id' })
  countyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'county_id' })
  county?: Agency;

  @Column('numeric', { transformer: numericToNumber })
  value!: number;
}
