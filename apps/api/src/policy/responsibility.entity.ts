import { ResponsibilityRoleEnum } from '../common/graphql-enums';
import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ResponsibilityRole } from '@luoshi/domain';
import { Agency } from './agency.entity';
import { Measure } from './measure.entity';

@ObjectType()
@Entity('responsibility')
@Check('responsibility_role_check', `"role" IN ('LEAD', 'CO')`)
export class Responsibility {
  @PrimaryColumn('uuid', { name: 'measure_id' })
  measureId!: string;

  @ManyToOne(() => Measure, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure?: Measure;

  @Index('responsibility_agency_idx')
  @PrimaryColumn('uuid', { name: 'agency_id' })
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Field(() => ResponsibilityRoleEnum)
  @Column('text')
  role!: ResponsibilityRole;

  /** Keeps the order in which the notice names its units. */
  @Column('int')
  position!: number;
}
