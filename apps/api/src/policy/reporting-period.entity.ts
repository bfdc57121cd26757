import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Policy } from './policy.entity';

/** A quarter in which member units report on a policy (2024Q3), with the date reports are due. */
@ObjectType()
@Entity('reporting_period')
@Index('reporting_period_policy_label_key', ['policyId', 'label'], { unique: true })
@Check('reporting_period_dates_check', `"starts_on" <= "ends_on"`)
export class ReportingPeriod {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'policy_id' })
  policyId!: string;

  @ManyToOne(() => Policy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: Policy;

  @Field()
  @Column('text')
  label!: string;

  @Field()
  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Field()
  @Column('date', { name: 'ends_on' })
  endsOn!: string;

  @Field()
  @Column('date', { name: 'due_on' })
  dueOn!: string;
}
