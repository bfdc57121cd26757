import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Policy } from '../policy/policy.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';

@ObjectType({ description: 'How many of a unit’s measures stand in each task state' })
export class TaskStateCounts {
  @Field(() => Int)
  notStarted!: number;

  @Field(() => Int)
  draft!: number;

  @Field(() => Int)
  submitted!: number;

  @Field(() => Int)
  returned!: number;

  @Field(() => Int)
  accepted!: number;
}

@ObjectType({ description: 'One policy’s part of a unit’s quarter: its period and where the unit stands on it' })
export class QuarterPolicy {
  /** Resolved through the request's policy loader. */
  policyId!: string;

  @Field(() => Policy)
  policy?: Policy;

  @Field(() => ReportingPeriod)
  period!: ReportingPeriod;

  @Field({ description: 'The unit’s due date for this policy’s period, its extension (延期) applied' })
  dueOn!: string;

  @Field(() => String, { nullable: true, description: 'The unit’s own later due date (延期); null: the period’s' })
  extendedDueOn!: string | null;

  @Field({ description: 'Something left to do and past dueOn, China time' })
  overdue!: boolean;

  @Field(() => Int)
  taskCount!: number;

  @Field(() => TaskStateCounts)
  counts!: TaskStateCounts;
}

@ObjectType({ description: 'A quarter a unit reports on, across every published policy it is responsible under' })
export class ReportingQuarter {
  @Field({ description: 'The periods’ label, e.g. 2026Q3' })
  quarter!: string;

  @Field()
  startsOn!: string;

  @Field()
  endsOn!: string;

  @Field({ description: 'The earliest of its policies’ due dates for the unit, extensions applied' })
  dueOn!: string;

  @Field({ description: 'A policy of the quarter is overdue for the unit' })
  overdue!: boolean;

  @Field({ description: 'Something is left to do: a measure not started, in draft or returned' })
  open!: boolean;

  @Field(() => Int)
  taskCount!: number;

  @Field(() => TaskStateCounts)
  counts!: TaskStateCounts;

  @Field(() => [QuarterPolicy], { description: 'In issue-date order, then doc number' })
  policies!: QuarterPolicy[];
}
