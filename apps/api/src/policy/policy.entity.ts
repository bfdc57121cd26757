import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PolicyStatus } from '@luoshi/domain';
import { PolicyStatusEnum } from '../common/graphql-enums';
import type { StoredImportWarning } from './import-warning.model';

/** A policy notice, such as 江就辦〔2024〕1號. */
@ObjectType()
@Entity('policy')
@Check('policy_status_check', `"status" IN ('DRAFT', 'PUBLISHED')`)
@Check('policy_version_check', `"version" >= 1`)
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

  @Field(() => PolicyStatusEnum, {
    description: 'DRAFT while the office corrects an imported notice (seen by ADMIN/OFFICE only); PUBLISHED once open for reporting',
  })
  @Column('text', { default: 'PUBLISHED' })
  status!: PolicyStatus;

  @Field(() => Int, {
    description: 'Raised by one by every correction of a draft; corrections send the version they read (stale: CONFLICT)',
  })
  @Column('int', { default: 1 })
  version!: number;

  @Field({ description: 'False while issuedOn is a stand-in (the text has no date line): publishing is refused until the office sets it' })
  @Column('boolean', { name: 'issued_on_confirmed', default: true })
  issuedOnConfirmed!: boolean;

  /** False while docNumber is a stand-in (the text names none): publishing is refused until the office sets it. */
  @Column('boolean', { name: 'doc_number_confirmed', default: true })
  docNumberConfirmed!: boolean;

  /**
   * What the parser flagged that the database cannot recompute (e.g. an unclear line), as of the import;
   * warnings the draft itself shows (no date, no units, a new unit) are computed when read (import-warnings.ts).
   */
  @Column('jsonb', { name: 'import_warnings', default: () => `'[]'` })
  importWarnings!: StoredImportWarning[];
}
