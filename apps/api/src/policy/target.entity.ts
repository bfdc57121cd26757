import { TargetDirectionEnum } from '../common/graphql-enums';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TargetDirection } from '@luoshi/domain';
import { numericToNumber } from '../database/column-transformers';
import { Measure } from './measure.entity';

@ObjectType()
@Entity('target')
@Index('target_measure_name_year_key', ['measureId', 'name', 'year'], { unique: true })
@Check('target_direction_check', `"direction" IN ('AT_LEAST', 'AT_MOST')`)
@Check('target_value_check', `"target_value" >= 0`)
@Check('target_trajectory_check', `"trajectory" IS NULL OR (array_length("trajectory", 1) = 4 AND "trajectory"[4] = 1)`)
export class Target {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'measure_id' })
  measureId!: string;

  @ManyToOne(() => Measure, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure?: Measure;

  @Field()
  @Column('text')
  name!: string;

  @Field()
  @Column('text')
  unit!: string;

  @Field(() => Float)
  @Column('numeric', { name: 'target_value', transformer: numericToNumber })
  targetValue!: number;

  @Field(() => TargetDirectionEnum)
  @Column('text')
  direction!: TargetDirection;

  @Field(() => Int, { description: 'The calendar year the target counts in' })
  @Column('int')
  year!: number;

  @Field(() => String, { nullable: true, description: 'The phrase of the notice the target comes from' })
  @Column('text', { name: 'source_phrase', nullable: true })
  sourcePhrase!: string | null;

  @Field(() => [Float], {
    nullable: true,
    description:
      'The office’s schedule: the cumulative share due by the end of each quarter of the year (e.g. [0.2, 0.45, 0.75, 1]); null = linear (時間過半)',
  })
  @Column('float8', { array: true, nullable: true })
  trajectory!: number[] | null;

  @Field({ description: 'The notice sets it for every year (每年, 每年度, 年均): each year it runs has its own target' })
  @Column('boolean', { name: 'every_year', default: false })
  everyYear!: boolean;

  @Field(() => Int, { description: 'Raised by every change of the target after publishing (setTargetValue checks it)' })
  @Column('int', { default: 1 })
  version!: number;

  /** Where the goal words stand in policy.sourceText (UTF-16 offsets); exposed as span. */
  @Column('int', { name: 'span_start', nullable: true })
  spanStart!: number | null;

  @Column('int', { name: 'span_end', nullable: true })
  spanEnd!: number | null;
}
