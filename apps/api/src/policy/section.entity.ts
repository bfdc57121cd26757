import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Policy } from './policy.entity';

/** 一、激發活力擴大就業容量 */
@ObjectType()
@Entity('section')
@Index('section_policy_seq_key', ['policyId', 'seq'], { unique: true })
export class Section {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'policy_id' })
  policyId!: string;

  @ManyToOne(() => Policy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: Policy;

  @Field(() => Int)
  @Column('int')
  seq!: number;

  @Field()
  @Column('text')
  title!: string;
}
