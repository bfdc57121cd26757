import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const CHASE_QUIET_REASONS = ['NOTHING_DUE', 'ALREADY_CHASED', 'NO_ONE_TO_TELL'] as const;
export type ChaseQuietReason = (typeof CHASE_QUIET_REASONS)[number];
export const ChaseQuietReasonEnum = {
  NOTHING_DUE: 'NOTHING_DUE',
  ALREADY_CHASED: 'ALREADY_CHASED',
  NO_ONE_TO_TELL: 'NO_ONE_TO_TELL',
} as const;
registerEnumType(ChaseQuietReasonEnum, {
  name: 'ChaseQuietReason',
  description:
    'Why a pass told no unit anything: NOTHING_DUE (no report or item is late or nearly due), ALREADY_CHASED (each was chased ' +
    'before: a thing is chased once), NO_ONE_TO_TELL (new things were found, but their units have no reporter accounts and no group robot)',
});

@ObjectType({ description: 'What one chasing pass (and the send round after it) did' })
export class ChaseRunResult {
  @Field(() => Int, { description: 'Things chased for the first time (late or nearly due reports and items)' })
  events!: number;

  @Field(() => Int, { description: 'Units that got a message' })
  units!: number;

  @Field(() => Int, { description: 'In-app notices created (unit reporters and the office)' })
  notices!: number;

  @Field(() => Int)
  webhooksQueued!: number;

  @Field(() => Int, { description: 'Reports and items late or nearly due now, chased in this pass or before' })
  outstanding!: number;

  @Field(() => Int, { description: 'Units chased in this pass that have no reporter account and no group robot (only the office heard)' })
  unitsUnreached!: number;

  @Field(() => ChaseQuietReasonEnum, { nullable: true, description: 'Why no unit was told anything; null when some unit was' })
  quietReason!: ChaseQuietReason | null;

  @Field(() => Int, { description: 'Webhook messages delivered in the send round (this pass’s and earlier retries)' })
  webhooksDelivered!: number;

  @Field(() => Int, { description: 'Webhook messages that failed for good in the send round' })
  webhooksFailed!: number;

  @Field(() => Int, { description: 'Webhook messages that failed and wait for a retry' })
  webhooksRetrying!: number;
}
