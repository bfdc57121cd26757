import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A policy notice, such as 江就辦〔2024〕1號. */
@ObjectType()
@Entity('policy')
export class Policy {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field()
  @Index('policy_doc_number_key', { unique: true })
  @Column('text', { name: 'doc_number' })
  docNumber!: string;

  @Field()
  @Column('text')
  title!: string;

  @Field()
  @Column('text')
  issuer!: string;

  @Field({ description: 'ISO date (2024-07-26)' })
  @Column('date', { name: 'issued_on' })
  issuedOn!: string;

  @Field({ description: 'The notice as written' })
  @Column('text', { name: 'source_text' })
  sourceText!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
