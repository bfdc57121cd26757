import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Agency } from '../policy/agency.entity';

export const WEBHOOK_KINDS = ['WECOM', 'DINGTALK'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];
export const WebhookKindEnum = { WECOM: 'WECOM', DINGTALK: 'DINGTALK' } as const;
registerEnumType(WebhookKindEnum, { name: 'WebhookKind', description: 'WECOM: 企业微信群机器人; DINGTALK: 钉钉群机器人' });

/** A unit's group-robot webhook: chasing messages for the unit also go to that group. One per unit. */
@ObjectType()
@Entity('agency_webhook')
@Check('agency_webhook_kind_check', `"kind" IN ('WECOM', 'DINGTALK')`)
export class AgencyWebhook {
  @Field(() => ID)
  @PrimaryColumn('uuid', { name: 'agency_id' })
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Field(() => WebhookKindEnum)
  @Column('text')
  kind!: WebhookKind;

  /** The robot's full address. Its key is a credential: the API only ever shows it masked. */
  @Column('text')
  url!: string;

  @Field()
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy!: string | null;
}
