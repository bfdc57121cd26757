import { Field, Int, ObjectType } from '@nestjs/graphql';

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

  @Field(() => Int, { description: 'Webhook messages delivered in the send round (this pass’s and earlier retries)' })
  webhooksDelivered!: number;

  @Field(() => Int, { description: 'Webhook messages that failed for good in the send round' })
  webhooksFailed!: number;

  @Field(() => Int, { description: 'Webhook messages that failed and wait for a retry' })
  webhooksRetrying!: number;
}
