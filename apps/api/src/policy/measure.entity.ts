import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Policy } from './policy.entity';
import { Section } from './section.entity';

/** (七)鼓勵吸納青年就業。… numbered through the whole notice. */
@ObjectType()
@Entity('measure')
@Index('measure_policy_seq_key', ['policyId', 'seq'], { unique: true })
export class Measure {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'policy_id' })
  policyId!: string;

  @ManyToOne(() => Policy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: Policy;

  @Index('measure_section_idx')
  @Column('uuid', { name: 'section_id' })
  sectionId!: string;

  @ManyToOne(() => Section, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id' })
  section?: Section;

  @Field(() => Int)
  @Column('int')
  seq!: number;

  @Field()
  @Column('text')
  title!: string;

  @Field({ description: 'The measure in full, as written' })
  @Column('text')
  body!: string;

  @Field(() => String, { nullable: true, description: 'The bracketed responsibility line as written' })
  @Column('text', { name: 'responsibility_text', nullable: true })
  responsibilityText!: string | null;

  @Field(() => Int, { nullable: true, description: '1-based line of the measure’s number in policy.sourceText' })
  @Column('int', { nullable: true })
  line!: number | null;

  /** Where responsibilityText stands in policy.sourceText (UTF-16 offsets); exposed as responsibilitySpan. */
  @Column('int', { name: 'responsibility_span_start', nullable: true })
  responsibilitySpanStart!: number | null;

  @Column('int', { name: 'responsibility_span_end', nullable: true })
  responsibilitySpanEnd!: number | null;
}
