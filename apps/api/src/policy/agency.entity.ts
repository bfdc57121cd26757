import { AgencyKindEnum } from '../common/graphql-enums';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgencyKind } from '@luoshi/domain';

/** A responsible unit: a city department or a county-level government. Shared by every policy. */
@ObjectType()
@Entity('agency')
@Check('agency_kind_check', `"kind" IN ('DEPARTMENT', 'COUNTY')`)
@Check('agency_county_region_check', `("kind" = 'COUNTY') = ("region_code" IS NOT NULL)`)
// A merged unit is inactive for good, and never merged into itself (units/agency-merge.ts).
@Check('agency_merged_inactive_check', `"merged_into_id" IS NULL OR (NOT "active" AND "merged_into_id" <> "id")`)
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

  /**
   * The name as compared for uniqueness: simplified script, no spaces (common/agency-name.ts), so
   * 人力資源 and 人力资源 are one unit, and a notice's name finds the unit the office created.
   */
  @Index('agency_name_key_key', { unique: true })
  @Column('text', { name: 'name_key' })
  nameKey!: string;

  @Field({ description: 'An inactive unit keeps its history but gets no new tasks and is not chased' })
  @Column('boolean', { default: true })
  active!: boolean;

  /** The unit this one was merged into (then inactive): a notice naming it maps to that unit. */
  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId!: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto?: Agency;

  @Field({ description: 'True for a unit a notice import created that nobody has confirmed or mapped yet' })
  @Column('boolean', { name: 'created_by_import', default: false })
  createdByImport!: boolean;
}
