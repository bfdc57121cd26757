import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ResponsibilityRoleEnum } from '../common/graphql-enums';
import { Measure } from '../policy/measure.entity';
import { Policy } from '../policy/policy.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { ProgressReport } from './progress-report.entity';
import { Agency } from '../policy/agency.entity';
import { Target } from '../policy/target.entity';

@ObjectType({ description: 'What a county achieved on a target within the period' })
export class ReportValue {
  @Field(() => Target)
  target!: Target;

  @Field(() => Agency)
  county!: Agency;

  @Field(() => Float)
  value!: number;
}

@ObjectType({ description: 'One change in a report’s life, from the audit trail' })
export class ReportEvent {
  @Field()
  at!: Date;

  @Field(() => String, { nullable: true })
  username!: string | null;

  @Field({ description: 'report.create, report.update, report.submit, report.accept, report.return' })
  action!: string;

  @Field(() => [String], { description: 'Fields whose value changed: progress, problems, nextSteps, unitStatus, values, status' })
  changedFields!: string[];

  @Field(() => String, { nullable: true, description: 'The review comment, for report.return and report.accept' })
  comment!: string | null;
}

export const TASK_STATES = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TaskStateEnum = Object.fromEntries(TASK_STATES.map((s) => [s, s])) as { [K in TaskState]: K };
registerEnumType(TaskStateEnum, { name: 'TaskState', description: 'Where a unit stands on one measure for one period' });

/** One measure a unit must report on in a period. */
@ObjectType()
export class ReportTask {
  @Field(() => Policy, { description: 'The policy the measure belongs to (a quarter’s tasks span several)' })
  policy!: Policy;

  @Field(() => Measure)
  measure!: Measure;

  @Field(() => ResponsibilityRoleEnum)
  role!: 'LEAD' | 'CO';

  @Field(() => Agency)
  agency!: Agency;

  @Field(() => ReportingPeriod)
  period!: ReportingPeriod;

  @Field(() => TaskStateEnum)
  state!: TaskState;

  @Field(() => ProgressReport, { nullable: true })
  report!: ProgressReport | null;

  @Field(() => ProgressReport, {
    nullable: true,
    description: 'The unit’s report on the measure for the latest earlier period (to start from)',
  })
  previousReport!: ProgressReport | null;

  @Field({ description: 'The unit’s due date for the period: its extension (延期) where it has one, else the period’s' })
  dueOn!: string;

  @Field(() => String, { nullable: true, description: 'The unit’s own later due date (延期) for the period; null: the period’s' })
  extendedDueOn!: string | null;

  @Field({ description: 'Not submitted and past the unit’s due date (dueOn), China time' })
  overdue!: boolean;
}

export const BATCH_REVIEW_RESULTS = ['ACCEPTED', 'STALE', 'NOT_SUBMITTED', 'NOT_FOUND'] as const;
export type BatchReviewResult = (typeof BATCH_REVIEW_RESULTS)[number];
export const BatchReviewResultEnum = {
  ACCEPTED: 'ACCEPTED',
  STALE: 'STALE',
  NOT_SUBMITTED: 'NOT_SUBMITTED',
  NOT_FOUND: 'NOT_FOUND',
} as const;
registerEnumType(BatchReviewResultEnum, {
  name: 'BatchReviewResult',
  description:
    'ACCEPTED; STALE (changed since it was read: the version differs); NOT_SUBMITTED (no longer waiting for review, e.g. already reviewed or withdrawn); NOT_FOUND',
});

@ObjectType({ description: 'One report of a 批量通过: accepted, or why not (each is checked and accepted on its own)' })
export class BatchReviewOutcome {
  @Field(() => String, { description: 'The id as given' })
  id!: string;

  @Field(() => BatchReviewResultEnum)
  result!: BatchReviewResult;

  @Field(() => String, {
    nullable: true,
    description: 'The error code a single review would have answered: CONFLICT or NOT_FOUND; null when accepted',
  })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'Why not, in words; null when accepted' })
  message!: string | null;

  @Field(() => ProgressReport, { nullable: true, description: 'The report as it is now (accepted or not); null when not found' })
  report!: ProgressReport | null;
}
