import { Field, Float, ObjectType } from '@nestjs/graphql';
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
