import { AgencyKindEnum } from '../common/graphql-enums';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AgencyKind } from '@luoshi/domain';

/** A responsible unit: a city department or a county-level government. Shared by every policy. */
@ObjectType()
@Entity('agency')
@Check('agency_kind_check', `"kind" IN ('DEPARTMENT', 'COUNTY')`)
@Check('agency_county_region_check', `("kind" = 'COUNTY') = ("region_code" IS NOT NULL)`)
export class Agency {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  /** As written in the notices (traditional characters). */
  @Field()
  @Index('agency_name_key', { unique: true })
  @Column('text')
  name!: string;

  @Field({ description: 'The name in simplified characters' })
  @Column('text', { name: 'name_simplified' })
  nameSimplified!: string;

  @Field({ description: 'How people name the unit in a chart or a meeting (台山, 市人社局)' })
  @Column('text', { name: 'short_name' })
  shortName!: string;

  @Field(() => AgencyKindEnum)
  @Column('text')
  kind!: AgencyKind;

  @Field(() => String, { nullable: true, description: 'Administrative division code of a county (台山市 440781)' })
  @Index('agency_region_code_key', { unique: true })
  @Column('text', { name: 'region_code', nullable: true })
  regionCode!: string | null;

  /** Traditional + simplified names, so that a search in either script finds the unit. */
  @Column('text', { name: 'search_text' })
  searchText!: string;
}
