import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numericToNumber } from '../database/column-transformers';
import { Agency } from './agency.entity';
import { Target } from './target.entity';

/** The share of a target that one county is to deliver, set by the office. */
@Entity('county_quota')
@Check('county_quota_value_check', `"quota" >= 0`)
export class Quota {
  @PrimaryColumn('uuid', { name: 'target_id' })
  targetId!: string;

  @ManyToOne(() => Target, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_id' })
  target?: Target;

  @Index('county_quota_county_idx')
  @PrimaryColumn('uuid', { name: 'county_id' })
  countyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'county_id' })
  county?: Agency;

  @Column('numeric', { transformer: numericToNumber })
  quota!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
