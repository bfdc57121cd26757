import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const CHASE_CHANNELS = ['IN_APP', 'WECOM', 'DINGTALK'] as const;
export type ChaseChannel = (typeof CHASE_CHANNELS)[number];
export const ChaseChannelEnum = { IN_APP: 'IN_APP', WECOM: 'WECOM', DINGTALK: 'DINGTALK' } as const;
registerEnumType(ChaseChannelEnum, { name: 'ChaseChannel' });

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DeliveryStatusEnum = { PENDING: 'PENDING', DELIVERED: 'DELIVERED', FAILED: 'FAILED' } as const;
registerEnumType(DeliveryStatusEnum, {
  name: 'ChaseDeliveryStatus',
  description: 'PENDING until sent (retried with backoff), then DELIVERED or FAILED',
});

/**
 * The record of everything chasing sent: to whom (a unit's users in the app, or its group robot),
 * what, when, and whether it arrived. Webhook rows double as the sender's queue.
 */
@ObjectType()
@Entity('chase_delivery')
@Check('chase_delivery_channel_check', `"channel" IN ('IN_APP', 'WECOM', 'DINGTALK')`)
@Check('chase_delivery_status_check', `"status" IN ('PENDING', 'DELIVERED', 'FAILED')`)
// The sender's claim query: pending rows whose time has come.
@Index('chase_delivery_pending_idx', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
@Index('chase_delivery_created_idx', ['createdAt'])
export class ChaseDelivery {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => [String], { description: 'The chase events (dedupe keys) this message covers' })
  @Column('text', { name: 'event_keys', array: true })
  eventKeys!: string[];

  /** The policies the covered events are on (a unit's message may name several); the office's filter. */
  @Column('uuid', { name: 'policy_ids', array: true, default: () => "'{}'" })
  policyIds!: string[];

  @Field(() => ChaseChannelEnum)
  @Column('text')
  channel!: ChaseChannel;

  /** The unit chased; null for the office's summary. */
  @Column('uuid', { name: 'agency_id', nullable: true })
  agencyId!: string | null;

  @Field(() => Int, { nullable: true, description: 'IN_APP: how many users got the notice' })
  @Column('int', { nullable: true })
  recipients!: number | null;

  /** The robot address at the time (a later change of the unit's webhook does not reroute it). */
  @Column('text', { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'Webhooks: the host posted to (the key in the address stays hidden)' })
  @Column('text', { name: 'url_host', nullable: true })
  urlHost!: string | null;

  @Field()
  @Column('text')
  content!: string;

  @Field(() => DeliveryStatusEnum)
  @Column('text')
  status!: DeliveryStatus;

  @Field(() => Int)
  @Column('int', { default: 0 })
  attempts!: number;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @Field()
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
