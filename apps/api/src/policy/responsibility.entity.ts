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

  @Field(() => String, {
    nullable: true,
    description: 'The words that named the unit (e.g. 各县（市、区）人民政府); null where the office added it',
  })
  @Column('text', { nullable: true })
  words!: string | null;

  @Field(() => String, { nullable: true, description: 'The words that gave the role (牵头, 按职责分工负责, a convention of the notice)' })
  @Column('text', { name: 'role_words', nullable: true })
  roleWords!: string | null;
}
