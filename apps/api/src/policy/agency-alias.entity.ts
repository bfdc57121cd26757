import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agency } from './agency.entity';

/**
 * A name the office taught the import (e.g. 市人社局 for 江门市人力资源和社会保障局): a notice's unit
 * written so is that agency. Added with addAgencyAlias or by mapDraftAgency(remember: true).
 */
@ObjectType()
@Entity('agency_alias')
export class AgencyAlias {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'The name as the office wrote it' })
  @Column('text')
  alias!: string;

  /** The alias as compared (nameKeyOf: simplified, no spaces): one agency per written name. */
  @Index('agency_alias_key_key', { unique: true })
  @Column('text', { name: 'alias_key' })
  aliasKey!: string;

  @Index('agency_alias_agency_idx')
  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
